import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { rbacBindEscalateImpersonate } from './rbac-bind-escalate-impersonate';

const clusterRole = (rules: string) => `
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: delegator}
rules: ${rules}
`;

describe('rbac-bind-escalate-impersonate', () => {
  it('reports bind, escalate and impersonate together', () => {
    const rules = `
  - {apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles], verbs: [bind, escalate]}
  - {apiGroups: [""], resources: [serviceaccounts], verbs: [impersonate]}`;
    const { findings } = runCheck(rbacBindEscalateImpersonate, clusterRole(rules));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      message:
        'ClusterRole delegator allows bind/escalate clusterroles, impersonate serviceaccounts: its subjects can ' +
        'give themselves permissions they were never granted',
      evidence: { path: 'rules[0]' },
    });
  });

  it('reports escalate and impersonate even when limited to names', () => {
    const rules = '[{apiGroups: [""], resources: [users], resourceNames: [admin], verbs: [impersonate]}]';
    expect(runCheck(rbacBindEscalateImpersonate, clusterRole(rules)).findings[0]?.message).toContain(
      'impersonate users only on admin',
    );
  });

  it('passes bind limited to named roles, the documented way to delegate them', () => {
    const rules =
      '[{apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles], resourceNames: [viewer], verbs: [bind]}]';
    expect(runCheck(rbacBindEscalateImpersonate, clusterRole(rules)).result.status).toBe(CheckStatus.Passed);
  });

  it('passes ordinary role management and impersonate in the wrong group', () => {
    const rules = `
  - {apiGroups: [rbac.authorization.k8s.io], resources: [roles, rolebindings], verbs: [get, create, update]}
  - {apiGroups: [apps], resources: [users], verbs: [impersonate]}`;
    expect(runCheck(rbacBindEscalateImpersonate, clusterRole(rules)).findings).toEqual([]);
  });
});
