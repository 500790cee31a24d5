import { Layer, Phase, Principle, Severity } from '../../model';
import { roleGrantCheck } from './support/roles';
import { CORE_GROUP } from './support/rules';

export const rbacPersistentVolumeCreate = roleGrantCheck(
  {
    id: 'rbac-persistent-volume-create',
    title: 'Role can create PersistentVolumes',
    rationale:
      'A PersistentVolume can point at any host path. Pod Security admission checks the pod, not the volume it ' +
      'claims, so whoever creates a hostPath PersistentVolume and claims it reads and writes the node filesystem ' +
      'from an otherwise restricted pod.',
    severity: Severity.Medium,
    layer: Layer.Orchestrator,
    phase: Phase.Runtime,
    principles: [Principle.LeastPrivilege, Principle.Isolation],
    references: {
      cis: ['5.1.9'],
      nsa: ['authn-authz/rbac'],
      mitre: ['T1611'],
      kubescape: ['C-0278'],
    },
    remediation: {
      text:
        'Remove create on persistentvolumes; let workloads request storage through PersistentVolumeClaims and ' +
        'StorageClasses so volumes are provisioned by the storage driver.',
      patch: [
        'rules:',
        '  - apiGroups: [""]',
        '    resources: [persistentvolumeclaims]',
        '    verbs: [get, list, watch, create]',
      ].join('\n'),
    },
  },
  [{ verbs: ['create'], group: CORE_GROUP, resources: ['persistentvolumes'] }],
  ': its subjects can expose node directories as volumes, past Pod Security admission',
);
