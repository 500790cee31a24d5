import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { rbacBindingGrantsPodExec } from './rbac-binding-grants-pod-exec';

const roleBinding = (
  kind: string,
  role: string,
  subjects = '[{kind: User, name: alice}]',
  name = 'support',
) => `
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: ${name}, namespace: shop}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ${kind}, name: ${role}}
subjects: ${subjects}
`;

const role = (kind: string, name: string, rules: string) => `
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata: {name: ${name}, namespace: shop}
rules: ${rules}
`;

const exec = '[{apiGroups: [""], resources: [pods/exec], verbs: [create]}]';

describe('rbac-binding-grants-pod-exec', () => {
  it('reports a binding to a Role allowing exec, naming subjects, role and scope', () => {
    const { findings, result } = runCheck(
      rbacBindingGrantsPodExec,
      roleBinding('Role', 'debug') + role('Role', 'debug', exec),
    );
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      resource: { kind: 'RoleBinding', namespace: 'shop', name: 'support' },
      message:
        'RoleBinding support gives User alice Role debug in namespace shop: it allows create pods/exec',
      evidence: { path: 'roleRef.name', value: 'debug' },
    });
  });

  it('reports a RoleBinding to a wildcard ClusterRole', () => {
    const manifests =
      roleBinding('ClusterRole', 'ops') +
      role('ClusterRole', 'ops', '[{apiGroups: ["*"], resources: ["*"], verbs: ["*"]}]');
    expect(runCheck(rbacBindingGrantsPodExec, manifests).findings[0]?.message).toBe(
      'RoleBinding support gives User alice ClusterRole ops in namespace shop: it allows get/create pods/exec, ' +
        'get/create pods/attach (through a wildcard)',
    );
  });

  it('reports bindings to the built-in edit and admin roles absent from the manifests, not to view', () => {
    expect(runCheck(rbacBindingGrantsPodExec, roleBinding('ClusterRole', 'edit')).findings).toHaveLength(1);
    expect(runCheck(rbacBindingGrantsPodExec, roleBinding('ClusterRole', 'admin')).findings).toHaveLength(1);
    expect(runCheck(rbacBindingGrantsPodExec, roleBinding('ClusterRole', 'view')).findings).toEqual([]);
  });

  it('reports a binding to a missing role: the grant cannot be verified', () => {
    const { findings } = runCheck(rbacBindingGrantsPodExec, roleBinding('Role', 'does-not-exist'));
    expect(findings[0]?.message).toBe(
      'RoleBinding support gives User alice Role does-not-exist in namespace shop: that role does not exist, so ' +
        'the grant cannot be verified (whoever creates it decides whether exec is granted)',
    );
  });

  it('does not treat absent system: ClusterRoles as missing', () => {
    expect(
      runCheck(rbacBindingGrantsPodExec, roleBinding('ClusterRole', 'system:auth-delegator')).findings,
    ).toEqual([]);
  });

  it('passes bindings to roles without exec, without subjects, or only to system:masters', () => {
    const reader = role('Role', 'reader', '[{apiGroups: [""], resources: [pods/exec], verbs: [list]}]');
    expect(runCheck(rbacBindingGrantsPodExec, roleBinding('Role', 'reader') + reader).result.status).toBe(
      CheckStatus.Passed,
    );
    const withExec = role('Role', 'debug', exec);
    expect(
      runCheck(rbacBindingGrantsPodExec, roleBinding('Role', 'debug', '[]') + withExec).findings,
    ).toEqual([]);
    const masters = '[{kind: Group, name: "system:masters"}]';
    expect(
      runCheck(rbacBindingGrantsPodExec, roleBinding('Role', 'debug', masters) + withExec).findings,
    ).toEqual([]);
  });

  it('looks for a Role only in the binding namespace', () => {
    const elsewhere = role('Role', 'debug', exec).replace('namespace: shop', 'namespace: other');
    expect(
      runCheck(rbacBindingGrantsPodExec, roleBinding('Role', 'debug') + elsewhere).findings[0]?.message,
    ).toContain('does not exist');
  });

  it('exempts the managed platform binding', () => {
    const manifests = roleBinding('ClusterRole', 'edit', undefined, 'gce:podsecuritypolicy:calico-sa');
    expect(runCheck(rbacBindingGrantsPodExec, manifests).findings).toEqual([]);
  });
});
