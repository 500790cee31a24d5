import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { hostPid } from './host-pid';

const job = (spec: object) => `
apiVersion: batch/v1
kind: Job
metadata: {name: backup, namespace: ops}
spec:
  template:
    spec: ${JSON.stringify({ restartPolicy: 'Never', containers: [{ name: 'backup' }], ...spec })}
`;

const check = hostPid;
const field = 'hostPID';
const message = "The pod shares the node's process namespace (hostPID)";

describe('host-pid', () => {
  it(`reports ${field}: true on the workload, with its line`, () => {
    const { findings, result } = runCheck(check, job({ [field]: true }));
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings).toEqual([
      expect.objectContaining({
        resource: { apiVersion: 'batch/v1', kind: 'Job', namespace: 'ops', name: 'backup' },
        message,
        evidence: { path: `spec.template.spec.${field}`, value: true },
        source: { file: 'test.yaml', line: 7 },
      }),
    ]);
    expect(findings[0]).not.toHaveProperty('container');
  });

  it(`reads a quoted "true" as on`, () => {
    expect(runCheck(check, job({ [field]: 'true' })).findings).toHaveLength(1);
  });

  it(`passes ${field}: false and an unset field`, () => {
    expect(runCheck(check, job({ [field]: false })).result.status).toBe(CheckStatus.Passed);
    expect(runCheck(check, job({})).result.status).toBe(CheckStatus.Passed);
  });

  it('is exempt in system namespaces by default', () => {
    const text = job({ [field]: true }).replace('namespace: ops', 'namespace: kube-system');
    expect(runCheck(check, text).result).toMatchObject({ status: CheckStatus.Passed, exempted: 1 });
  });
});
