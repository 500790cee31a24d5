import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { rbacCreatePods } from './rbac-create-pods';

const role = (rules: string, name = 'deployer') => `
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: ${name}, namespace: shop}
rules: ${rules}
`;

describe('rbac-create-pods', () => {
  it('reports create on pods and on every kind of workload controller', () => {
    const rules = `
  - {apiGroups: [""], resources: [pods, replicationcontrollers], verbs: [create]}
  - {apiGroups: [apps], resources: [deployments, daemonsets, statefulsets, replicasets], verbs: [create]}
  - {apiGroups: [batch], resources: [jobs, cronjobs], verbs: [create]}`;
    const { findings } = runCheck(rbacCreatePods, role(rules));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toBe(
      'Role shop/deployer allows create pods, create replicationcontrollers, create deployments, create ' +
        'daemonsets, create statefulsets, create replicasets, create jobs, create cronjobs: its subjects can start ' +
        'pods with any image and any service account of the namespace',
    );
  });

  it('reports create through a wildcard verb', () => {
    const { findings } = runCheck(
      rbacCreatePods,
      role('[{apiGroups: [batch], resources: [jobs], verbs: ["*"]}]'),
    );
    expect(findings[0]?.message).toContain('allows create jobs (through a wildcard)');
  });

  it('passes read access, updates, and create limited to names (which authorizes no create)', () => {
    for (const rules of [
      '[{apiGroups: [apps], resources: [deployments], verbs: [get, list, update, patch]}]',
      '[{apiGroups: [""], resources: [pods], resourceNames: [web], verbs: [create]}]',
      '[{apiGroups: [""], resources: [deployments], verbs: [create]}]',
    ]) {
      expect(runCheck(rbacCreatePods, role(rules)).result.status).toBe(CheckStatus.Passed);
    }
  });

  it('leaves the built-in edit role alone', () => {
    const manifests = role('[{apiGroups: [""], resources: [pods], verbs: [create]}]', 'edit')
      .replace('kind: Role', 'kind: ClusterRole')
      .replace(', namespace: shop', '');
    expect(runCheck(rbacCreatePods, manifests).findings).toEqual([]);
  });
});
