import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { rbacWebhookConfigWrite } from './rbac-webhook-config-write';

const clusterRole = (rules: string) => `
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: injector}
rules: ${rules}
`;

describe('rbac-webhook-config-write', () => {
  it('reports writes to validating and mutating webhook configurations', () => {
    const rules = `
  - apiGroups: [admissionregistration.k8s.io]
    resources: [mutatingwebhookconfigurations, validatingwebhookconfigurations]
    verbs: [get, patch, delete]`;
    const { findings } = runCheck(rbacWebhookConfigWrite, clusterRole(rules));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      message:
        'ClusterRole injector allows patch/delete validatingwebhookconfigurations, patch/delete ' +
        'mutatingwebhookconfigurations: its subjects can intercept, rewrite or switch off admission of every object',
      evidence: { path: 'rules[0]' },
    });
  });

  it('reports writes limited to named configurations too', () => {
    const rules =
      '[{apiGroups: [admissionregistration.k8s.io], resources: [mutatingwebhookconfigurations], resourceNames: [mine], verbs: [update]}]';
    expect(runCheck(rbacWebhookConfigWrite, clusterRole(rules)).findings[0]?.message).toContain(
      'update mutatingwebhookconfigurations only on mine',
    );
  });

  it('passes read access', () => {
    const rules =
      '[{apiGroups: [admissionregistration.k8s.io], resources: [validatingwebhookconfigurations], verbs: [get, list, watch]}]';
    expect(runCheck(rbacWebhookConfigWrite, clusterRole(rules)).result.status).toBe(CheckStatus.Passed);
  });
});
