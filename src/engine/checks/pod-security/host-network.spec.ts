import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { hostNetwork } from './host-network';

const job = (spec: object) => `
apiVersion: batch/v1
kind: Job
metadata: {name: backup, namespace: ops}
spec:
  template:
    spec: ${JSON.stringify({ restartPolicy: 'Never', containers: [{ name: 'backup' }], ...spec })}
`;

const check = hostNetwork;
const field = 'hostNetwork';
const message = "The pod uses the node's network namespace (hostNetwork)";

describe('host-network', () => {
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
