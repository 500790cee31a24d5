import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { rbacPersistentVolumeCreate } from './rbac-persistent-volume-create';

const clusterRole = (rules: string) => `
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: storage-admin}
rules: ${rules}
`;

describe('rbac-persistent-volume-create', () => {
  it('reports create on persistentvolumes', () => {
    const { findings } = runCheck(
      rbacPersistentVolumeCreate,
      clusterRole('[{apiGroups: [""], resources: [persistentvolumes], verbs: [create, delete]}]'),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      resource: { kind: 'ClusterRole', name: 'storage-admin' },
      message:
        'ClusterRole storage-admin allows create persistentvolumes: its subjects can expose node directories as ' +
        'volumes, past Pod Security admission',
    });
  });

  it('passes claims and read access to volumes', () => {
    const rules = `
  - {apiGroups: [""], resources: [persistentvolumeclaims], verbs: [create]}
  - {apiGroups: [""], resources: [persistentvolumes], verbs: [get, list]}`;
    expect(runCheck(rbacPersistentVolumeCreate, clusterRole(rules)).result.status).toBe(CheckStatus.Passed);
  });
});
