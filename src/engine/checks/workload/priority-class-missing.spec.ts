import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { priorityClassMissing } from './priority-class-missing';

const deployment = (podSpec: string) => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    spec:
      ${podSpec}
      containers: [{name: app, image: "nginx:1.25"}]
`;

describe('priority-class-missing', () => {
  it('reports a pod template without a priority class', () => {
    const { findings, result } = runCheck(priorityClassMissing, deployment(''));
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings[0]).toMatchObject({
      resource: { kind: 'Deployment', namespace: 'shop', name: 'web' },
      severity: 'info',
      message: 'Deployment web names no priority class',
      evidence: { path: 'spec.template.spec.priorityClassName' },
    });
  });

  it('reports an empty name with its value', () => {
    expect(runCheck(priorityClassMissing, deployment('priorityClassName: ""')).findings[0]).toMatchObject({
      evidence: { value: '' },
    });
  });

  it('passes a named priority class', () => {
    const { result } = runCheck(priorityClassMissing, deployment('priorityClassName: business-critical'));
    expect(result.status).toBe(CheckStatus.Passed);
  });

  it('passes when the cluster has a global default class that admission assigns', () => {
    const globalDefault = `---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: {name: standard}
value: 1000
globalDefault: true
`;
    expect(runCheck(priorityClassMissing, deployment('') + globalDefault).findings).toEqual([]);
  });
});
