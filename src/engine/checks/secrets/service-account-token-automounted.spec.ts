import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { serviceAccountTokenAutomounted } from './service-account-token-automounted';

const deployment = (podFields: string) => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    spec:
      ${podFields}
      containers: [{name: app, image: shop:1.0}]
`;

const serviceAccount = (name: string, automount?: string) => `
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: ${name}, namespace: shop}
${automount === undefined ? '' : `automountServiceAccountToken: ${automount}`}
`;

describe('service-account-token-automounted', () => {
  it('reports a pod whose ServiceAccount does not disable automounting either', () => {
    const { findings, result } = runCheck(
      serviceAccountTokenAutomounted,
      deployment('serviceAccountName: api') + serviceAccount('api'),
    );
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings).toEqual([
      expect.objectContaining({
        resource: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web' },
        message:
          'Pods of Deployment web get a token of ServiceAccount api mounted: neither the pod nor ServiceAccount api ' +
          'disables automounting',
        evidence: { path: 'spec.template.spec.automountServiceAccountToken' },
      }),
    ]);
  });

  it('passes when the ServiceAccount disables automounting and the pod says nothing', () => {
    const { findings, result } = runCheck(
      serviceAccountTokenAutomounted,
      deployment('serviceAccountName: api') + serviceAccount('api', 'false'),
    );
    expect(findings).toEqual([]);
    expect(result.status).toBe(CheckStatus.Passed);
  });

  it('lets the pod setting override the ServiceAccount either way', () => {
    const overriding = runCheck(
      serviceAccountTokenAutomounted,
      deployment('serviceAccountName: api\n      automountServiceAccountToken: true') +
        serviceAccount('api', 'false'),
    );
    expect(overriding.findings[0]).toMatchObject({
      message: expect.stringContaining(
        'the pod sets automountServiceAccountToken to true, overriding ServiceAccount api',
      ) as unknown,
      evidence: { path: 'spec.template.spec.automountServiceAccountToken', value: true },
    });
    const disabled = runCheck(
      serviceAccountTokenAutomounted,
      deployment('automountServiceAccountToken: false') + serviceAccount('default', 'true'),
    );
    expect(disabled.findings).toEqual([]);
  });

  it('looks up the default ServiceAccount of the same namespace only', () => {
    const otherNamespace = serviceAccount('default', 'false').replace('namespace: shop', 'namespace: other');
    const { findings } = runCheck(serviceAccountTokenAutomounted, deployment('') + otherNamespace);
    expect(findings[0]?.message).toBe(
      'Pods of Deployment web get a token of ServiceAccount default mounted: the pod does not disable automounting ' +
        'and ServiceAccount default is not in the inventory',
    );
    expect(
      runCheck(serviceAccountTokenAutomounted, deployment('') + serviceAccount('default', 'false')).findings,
    ).toEqual([]);
  });

  it('reads the ServiceAccount from the deprecated serviceAccount field', () => {
    const { findings } = runCheck(
      serviceAccountTokenAutomounted,
      deployment('serviceAccount: legacy') + serviceAccount('legacy', 'true'),
    );
    expect(findings[0]?.message).toContain('ServiceAccount legacy enables it');
  });

  it('treats a malformed pod setting as not disabling the mount', () => {
    const { findings } = runCheck(
      serviceAccountTokenAutomounted,
      deployment('automountServiceAccountToken: "false"') + serviceAccount('default'),
    );
    expect(findings[0]?.evidence).toEqual({
      path: 'spec.template.spec.automountServiceAccountToken',
      value: 'false',
    });
  });

  it('is not evaluated when ServiceAccounts could not be read', () => {
    const { result } = runCheck(serviceAccountTokenAutomounted, deployment(''), {
      coverageGaps: [{ kind: 'ServiceAccount', reason: 'forbidden' }],
    });
    expect(result.status).toBe(CheckStatus.NotEvaluated);
  });
});
