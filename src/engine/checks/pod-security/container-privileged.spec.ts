import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { containerPrivileged } from './container-privileged';

const deployment = (securityContext: string, initSecurityContext = '{}') => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    spec:
      initContainers:
        - name: setup
          image: busybox:1.36
          securityContext: ${initSecurityContext}
      containers:
        - name: app
          image: nginx:1.25
          securityContext: ${securityContext}
`;

describe('container-privileged', () => {
  it('reports a privileged container with the field as evidence', () => {
    const { findings, result } = runCheck(containerPrivileged, deployment('{privileged: true}'));
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      container: 'app',
      resource: { kind: 'Deployment', namespace: 'shop', name: 'web' },
      evidence: { path: 'spec.template.spec.containers[0].securityContext.privileged', value: true },
      source: { file: 'test.yaml', line: 15 },
    });
  });

  it('reports privileged init containers too', () => {
    const { findings } = runCheck(containerPrivileged, deployment('{}', '{privileged: true}'));
    expect(findings.map((finding) => finding.container)).toEqual(['setup']);
  });

  it('passes unprivileged containers', () => {
    const { findings, result } = runCheck(containerPrivileged, deployment('{privileged: false}'));
    expect(findings).toEqual([]);
    expect(result.status).toBe(CheckStatus.Passed);
  });

  it('is not applicable when there are no workloads', () => {
    const { result } = runCheck(
      containerPrivileged,
      'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n',
    );
    expect(result.status).toBe(CheckStatus.NotApplicable);
  });
});
