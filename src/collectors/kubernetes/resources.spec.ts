import { rbacChecks } from '../../engine/checks/rbac';
import { cpuLimitsMissing } from '../../engine/checks/workload/cpu-limits-missing';
import { WORKLOAD_KINDS } from '../../engine/inventory/workloads';
import { COLLECTED_RESOURCES, resourcesFor, SECRET_METADATA_RESOURCE } from './resources';

/** Groups served by every supported Kubernetes version (admissionregistration.k8s.io aside: see below). */
const BUILT_IN_GROUPS = ['', 'apps', 'batch', 'autoscaling', 'policy'];

describe('COLLECTED_RESOURCES', () => {
  it('names each kind and each resource once', () => {
    const kinds = COLLECTED_RESOURCES.map((resource) => resource.kind);
    const resources = COLLECTED_RESOURCES.map((resource) => `${resource.group}/${resource.plural}`);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(new Set(resources).size).toBe(resources.length);
  });

  it('makes every custom resource optional, so that a cluster without the tool has no coverage gap', () => {
    const custom = COLLECTED_RESOURCES.filter(
      (resource) => !BUILT_IN_GROUPS.includes(resource.group) && !resource.group.endsWith('.k8s.io'),
    );
    expect(custom.map((resource) => resource.kind)).toEqual(
      expect.arrayContaining(['ClusterPolicy', 'CiliumNetworkPolicy', 'ClusterImagePolicy', 'Provider']),
    );
    expect(custom.filter((resource) => resource.optional !== true)).toEqual([]);
  });

  it('requires every built-in kind but ValidatingAdmissionPolicies, which clusters before 1.30 do not serve as v1', () => {
    const optionalBuiltIns = COLLECTED_RESOURCES.filter(
      (resource) =>
        resource.optional === true &&
        (BUILT_IN_GROUPS.includes(resource.group) || resource.group.endsWith('.k8s.io')),
    );
    expect(optionalBuiltIns.map((resource) => resource.kind)).toEqual([
      'ValidatingAdmissionPolicy',
      'ValidatingAdmissionPolicyBinding',
    ]);
  });

  it('leaves Secrets out: they are listed as metadata, on opt-in only', () => {
    expect(COLLECTED_RESOURCES.some((resource) => resource.plural === 'secrets')).toBe(false);
    expect(SECRET_METADATA_RESOURCE).toEqual({
      kind: 'Secret',
      group: '',
      version: 'v1',
      plural: 'secrets',
      namespaced: true,
    });
  });
});

describe('resourcesFor', () => {
  it('lists only what the given checks read', () => {
    expect(resourcesFor(rbacChecks).map((resource) => resource.kind)).toEqual([
      'Role',
      'RoleBinding',
      'ClusterRole',
      'ClusterRoleBinding',
    ]);
  });

  it('lists every workload kind for a container check, and the kinds it reads besides', () => {
    expect(
      resourcesFor([cpuLimitsMissing])
        .map((resource) => resource.kind)
        .sort(),
    ).toEqual([...WORKLOAD_KINDS, 'LimitRange'].sort());
  });
});
