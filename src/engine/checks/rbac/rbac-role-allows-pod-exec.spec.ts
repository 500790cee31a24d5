import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { rbacRoleAllowsPodExec } from './rbac-role-allows-pod-exec';

const role = (rules: string, name = 'debugger', kind = 'Role') => `
apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata: {name: ${name}, namespace: shop}
rules:
${rules}
`;

describe('rbac-role-allows-pod-exec', () => {
  it('reports the rule granting exec, with the rule as evidence', () => {
    const rules =
      '  - {apiGroups: [""], resources: [pods], verbs: [get]}\n  - {apiGroups: [""], resources: [pods/exec], verbs: [create]}';
    const { findings, result } = runCheck(rbacRoleAllowsPodExec, role(rules));
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      resource: { kind: 'Role', namespace: 'shop', name: 'debugger' },
      message:
        'Role shop/debugger allows create pods/exec: its subjects can run commands inside running containers',
      evidence: { path: 'rules[1]', value: { apiGroups: [''], resources: ['pods/exec'], verbs: ['create'] } },
      source: { file: 'test.yaml', line: 7 },
    });
  });

  it('reports attach, get (websocket exec) and grants through wildcards', () => {
    const attach = runCheck(
      rbacRoleAllowsPodExec,
      role('  - {apiGroups: ["*"], resources: [pods/attach], verbs: [get]}'),
    );
    expect(attach.findings[0]?.message).toContain('allows get pods/attach (through a wildcard)');
    const everything = runCheck(
      rbacRoleAllowsPodExec,
      role('  - {apiGroups: [""], resources: ["*"], verbs: ["*"]}'),
    );
    expect(everything.findings[0]?.message).toContain(
      'get/create pods/exec, get/create pods/attach (through a wildcard)',
    );
  });

  it('still reports exec limited to named pods', () => {
    const rules = '  - {apiGroups: [""], resources: [pods/exec], resourceNames: [db-0], verbs: [create]}';
    expect(runCheck(rbacRoleAllowsPodExec, role(rules)).findings[0]?.message).toContain(
      'create pods/exec only on db-0',
    );
  });

  it('passes read-only verbs on exec, other resources, and pods/* (which the API server does not expand)', () => {
    for (const rules of [
      '  - {apiGroups: [""], resources: [pods/exec, pods/attach], verbs: [list]}',
      '  - {apiGroups: [""], resources: [pods, pods/log], verbs: [get, create]}',
      '  - {apiGroups: [""], resources: ["pods/*"], verbs: [create]}',
    ]) {
      expect(runCheck(rbacRoleAllowsPodExec, role(rules)).result.status).toBe(CheckStatus.Passed);
    }
  });

  it('leaves the platform roles alone but evaluates them', () => {
    const exec = '  - {apiGroups: [""], resources: [pods/exec], verbs: [create]}';
    for (const name of ['admin', 'edit', 'cluster-admin', 'gce:podsecuritypolicy:calico-sa']) {
      expect(runCheck(rbacRoleAllowsPodExec, role(exec, name, 'ClusterRole')).result.status).toBe(
        CheckStatus.Passed,
      );
    }
    expect(runCheck(rbacRoleAllowsPodExec, role(exec, 'system:x', 'ClusterRole')).result.exempted).toBe(1);
    // A namespaced Role called admin is the user's own.
    expect(runCheck(rbacRoleAllowsPodExec, role(exec, 'admin')).findings).toHaveLength(1);
  });

  it('tolerates malformed rules and reads lone strings as lists', () => {
    expect(runCheck(rbacRoleAllowsPodExec, role('  - nonsense\n  - 7')).result.status).toBe(
      CheckStatus.Passed,
    );
    const lone = runCheck(
      rbacRoleAllowsPodExec,
      role('  - {apiGroups: "", resources: pods/exec, verbs: "*"}'),
    );
    expect(lone.findings).toHaveLength(1);
  });

  it('is not applicable without roles', () => {
    expect(runCheck(rbacRoleAllowsPodExec, 'kind: Namespace\nmetadata: {name: shop}').result.status).toBe(
      CheckStatus.NotApplicable,
    );
  });
});
