import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { defaultServiceAccountUsed } from './default-service-account-used';

const cronJob = (podFields: string) => `
apiVersion: batch/v1
kind: CronJob
metadata: {name: report, namespace: shop}
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          ${podFields}
          containers: [{name: report, image: report:1.0}]
`;

describe('default-service-account-used', () => {
  it('reports a workload that names no ServiceAccount', () => {
    const { findings, result } = runCheck(defaultServiceAccountUsed, cronJob(''));
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings).toEqual([
      expect.objectContaining({
        resource: { apiVersion: 'batch/v1', kind: 'CronJob', namespace: 'shop', name: 'report' },
        message: 'Pods of CronJob report run as the default ServiceAccount: no serviceAccountName is set',
        evidence: { path: 'spec.jobTemplate.spec.template.spec.serviceAccountName' },
      }),
    ]);
  });

  it('reports the default ServiceAccount named explicitly, in either field', () => {
    const explicit = runCheck(defaultServiceAccountUsed, cronJob('serviceAccountName: default'));
    expect(explicit.findings[0]).toMatchObject({
      message: 'Pods of CronJob report run as the default ServiceAccount, named explicitly',
      evidence: { path: 'spec.jobTemplate.spec.template.spec.serviceAccountName', value: 'default' },
    });
    const legacy = runCheck(defaultServiceAccountUsed, cronJob('serviceAccount: default'));
    expect(legacy.findings[0]?.evidence.path).toBe('spec.jobTemplate.spec.template.spec.serviceAccount');
  });

  it('passes a dedicated ServiceAccount and an empty name falls back to default', () => {
    expect(runCheck(defaultServiceAccountUsed, cronJob('serviceAccountName: reporter')).result.status).toBe(
      CheckStatus.Passed,
    );
    expect(runCheck(defaultServiceAccountUsed, cronJob('serviceAccountName: ""')).findings).toHaveLength(1);
  });

  it('passes a pod that takes no token, unless it projects one', () => {
    expect(
      runCheck(defaultServiceAccountUsed, cronJob('automountServiceAccountToken: false')).findings,
    ).toEqual([]);
    const projected = cronJob(
      'automountServiceAccountToken: false\n          volumes: [{name: t, projected: {sources: [{serviceAccountToken: {path: t}}]}}]',
    );
    expect(runCheck(defaultServiceAccountUsed, projected).findings).toHaveLength(1);
  });

  it('leaves system namespaces to the default exemptions', () => {
    const { findings, result } = runCheck(
      defaultServiceAccountUsed,
      cronJob('').replace('namespace: shop', 'namespace: kube-system'),
    );
    expect(findings).toEqual([]);
    expect(result.exempted).toBe(1);
  });
});
