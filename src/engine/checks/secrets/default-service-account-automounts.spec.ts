import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { defaultServiceAccountAutomounts } from './default-service-account-automounts';

const serviceAccount = (name: string, namespace: string, automount?: string) => `
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: ${name}, namespace: ${namespace}}
${automount === undefined ? '' : `automountServiceAccountToken: ${automount}`}
`;

describe('default-service-account-automounts', () => {
  it('reports a default ServiceAccount that does not disable automounting', () => {
    const { findings, result } = runCheck(defaultServiceAccountAutomounts, serviceAccount('default', 'shop'));
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings).toEqual([
      expect.objectContaining({
        resource: { apiVersion: 'v1', kind: 'ServiceAccount', namespace: 'shop', name: 'default' },
        message: 'The default ServiceAccount of namespace shop does not disable token automounting',
        evidence: { path: 'automountServiceAccountToken' },
      }),
    ]);
  });

  it('reports one that enables it explicitly, with the value', () => {
    const { findings } = runCheck(defaultServiceAccountAutomounts, serviceAccount('default', 'shop', 'true'));
    expect(findings[0]).toMatchObject({
      message: 'The default ServiceAccount of namespace shop enables token automounting',
      evidence: { path: 'automountServiceAccountToken', value: true },
    });
  });

  it('passes a default ServiceAccount with automounting disabled, and ignores other accounts', () => {
    const { findings, result } = runCheck(
      defaultServiceAccountAutomounts,
      serviceAccount('default', 'shop', 'false') + serviceAccount('api', 'shop'),
    );
    expect(findings).toEqual([]);
    expect(result).toMatchObject({ status: CheckStatus.Passed, evaluated: 1 });
  });

  it('treats a malformed setting as not disabling automounting', () => {
    const { findings } = runCheck(
      defaultServiceAccountAutomounts,
      serviceAccount('default', 'shop', '"false"'),
    );
    expect(findings[0]?.evidence).toEqual({ path: 'automountServiceAccountToken', value: 'false' });
  });

  it('is not applicable without a default ServiceAccount and exempts system namespaces', () => {
    expect(runCheck(defaultServiceAccountAutomounts, serviceAccount('api', 'shop')).result.status).toBe(
      CheckStatus.NotApplicable,
    );
    expect(
      runCheck(defaultServiceAccountAutomounts, serviceAccount('default', 'kube-system')).result,
    ).toMatchObject({
      status: CheckStatus.Passed,
      exempted: 1,
    });
  });
});
