import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { rbacWildcardRules } from './rbac-wildcard-rules';

const clusterRole = (rules: string, name = 'operator') => `
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: ${name}}
rules:
${rules}
`;

describe('rbac-wildcard-rules', () => {
  it('reports every rule using a wildcard in one finding, with the first wildcard field as evidence', () => {
    const rules = [
      '  - {apiGroups: [""], resources: [configmaps], verbs: [get]}',
      '  - {apiGroups: [apps], resources: [deployments], verbs: ["*"]}',
      '  - {apiGroups: ["*"], resources: ["*/scale"], verbs: [get]}',
    ].join('\n');
    const { findings, result } = runCheck(rbacWildcardRules, clusterRole(rules));
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      resource: { kind: 'ClusterRole', name: 'operator' },
      message: 'ClusterRole operator uses * in rules[1] (verbs), rules[2] (apiGroups, resources)',
      evidence: { path: 'rules[1].verbs', value: ['*'] },
      source: { file: 'test.yaml', line: 7 },
    });
  });

  it('reports wildcards in a lone string or a lone rule object', () => {
    const { findings } = runCheck(
      rbacWildcardRules,
      'kind: Role\nmetadata: {name: r, namespace: a}\nrules: {apiGroups: "*", resources: [pods], verbs: [get]}',
    );
    expect(findings[0]).toMatchObject({ evidence: { path: 'rules.apiGroups', value: '*' } });
  });

  it('passes explicit rules and pods/* style names that are not wildcards to the API server', () => {
    const rules = '  - {apiGroups: [""], resources: [pods, "pods/*"], verbs: [get, list]}';
    expect(runCheck(rbacWildcardRules, clusterRole(rules)).result.status).toBe(CheckStatus.Passed);
  });

  it('leaves the built-in cluster-admin role alone', () => {
    const rules = '  - {apiGroups: ["*"], resources: ["*"], verbs: ["*"]}';
    expect(runCheck(rbacWildcardRules, clusterRole(rules, 'cluster-admin')).findings).toEqual([]);
  });
});
