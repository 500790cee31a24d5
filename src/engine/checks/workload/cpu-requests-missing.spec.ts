import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { cpuRequestsMissing } from './cpu-requests-missing';

const deployment = (resources: string, extra = '') => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    spec:
      initContainers:
        - {name: migrate, image: "migrate:1"}
        - {name: proxy, image: "envoy:1", restartPolicy: Always}
      containers:
        - name: app
          image: nginx:1.25
          resources: ${resources}
${extra}`;

describe('cpu-requests-missing', () => {
  it('reports app containers and native sidecars without a CPU request, not init containers', () => {
    const { findings, result } = runCheck(cpuRequestsMissing, deployment('{requests: {memory: 128Mi}}'));
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings.map((finding) => finding.container)).toEqual(['proxy', 'app']);
    expect(findings[1]).toMatchObject({
      resource: { kind: 'Deployment', namespace: 'shop', name: 'web' },
      message: 'Container app has no CPU request',
      evidence: { path: 'spec.template.spec.containers[0].resources.requests.cpu' },
    });
  });

  it('passes a container with a CPU request, or with a CPU limit the request defaults to', () => {
    const requested = runCheck(cpuRequestsMissing, deployment('{requests: {cpu: 100m}}'));
    expect(requested.findings.map((finding) => finding.container)).toEqual(['proxy']);
    const limited = runCheck(cpuRequestsMissing, deployment('{limits: {cpu: "1"}}'));
    expect(limited.findings.map((finding) => finding.container)).toEqual(['proxy']);
  });

  it('passes containers that get a default request from their namespace LimitRange', () => {
    const limitRange = `---
apiVersion: v1
kind: LimitRange
metadata: {name: defaults, namespace: shop}
spec: {limits: [{type: Container, defaultRequest: {cpu: 100m}}]}`;
    const { findings, result } = runCheck(cpuRequestsMissing, deployment('{}', limitRange));
    expect(findings).toEqual([]);
    expect(result.status).toBe(CheckStatus.Passed);
  });

  it('reports a malformed request with its value', () => {
    const { findings } = runCheck(cpuRequestsMissing, deployment('{requests: {cpu: ""}}'));
    expect(findings[1]).toMatchObject({
      message: 'Container app has a malformed CPU request',
      evidence: { path: 'spec.template.spec.containers[0].resources.requests.cpu', value: '' },
    });
  });
});
