import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { workloadHostUsers } from './workload-host-users';

const cronJob = (spec: object) =>
  JSON.stringify({
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'report', namespace: 'shop' },
    spec: { jobTemplate: { spec: { template: { spec: { containers: [{ name: 'report' }], ...spec } } } } },
  });

describe('workload-host-users', () => {
  it('reports a pod that does not set hostUsers: false', () => {
    const { findings, result } = runCheck(workloadHostUsers, cronJob({}));
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings[0]).toMatchObject({
      severity: 'info',
      resource: { kind: 'CronJob', name: 'report' },
      message: "The pod shares the node's user namespace (hostUsers is not false)",
      evidence: { path: 'spec.jobTemplate.spec.template.spec.hostUsers' },
    });
  });

  it('reports an explicit true and malformed values with the value', () => {
    for (const hostUsers of [true, 'false']) {
      expect(runCheck(workloadHostUsers, cronJob({ hostUsers })).findings[0]!.evidence.value).toBe(hostUsers);
    }
  });

  it('passes hostUsers: false and skips Windows pods', () => {
    expect(runCheck(workloadHostUsers, cronJob({ hostUsers: false })).result.status).toBe(CheckStatus.Passed);
    expect(runCheck(workloadHostUsers, cronJob({ os: { name: 'windows' } })).findings).toEqual([]);
  });
});
