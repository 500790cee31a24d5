import { Layer, Phase, Principle, Severity } from '../../model';
import { roleGrantCheck } from './support/roles';
import { CORE_GROUP } from './support/rules';

export const rbacCreatePods = roleGrantCheck(
  {
    id: 'rbac-create-pods',
    title: 'Role can create pods or workload controllers',
    rationale:
      'Creating a pod, directly or through a Deployment, DaemonSet, StatefulSet, ReplicaSet, Job, CronJob or ' +
      'ReplicationController, lets a subject run any image as any service account of the namespace and, unless ' +
      'admission forbids it, mount host paths or run privileged: it reaches every secret and token the namespace holds.',
    severity: Severity.Medium,
    layer: Layer.Orchestrator,
    phase: Phase.Runtime,
    principles: [Principle.LeastPrivilege, Principle.Authorization],
    references: {
      cis: ['5.1.4'],
      nsa: ['authn-authz/rbac'],
      mitre: ['T1610'],
      kubescape: ['C-0188'],
    },
    remediation: {
      text:
        'Keep create on pods and controllers for deployment pipelines and the people who need it; give others ' +
        'read access, and enforce Pod Security admission where creation is allowed.',
      patch: [
        'rules:',
        '  - apiGroups: [apps]',
        '    resources: [deployments]',
        '    verbs: [get, list, watch]',
      ].join('\n'),
    },
  },
  [
    { verbs: ['create'], group: CORE_GROUP, resources: ['pods', 'replicationcontrollers'] },
    {
      verbs: ['create'],
      group: 'apps',
      resources: ['deployments', 'daemonsets', 'statefulsets', 'replicasets'],
    },
    { verbs: ['create'], group: 'batch', resources: ['jobs', 'cronjobs'] },
  ],
  ': its subjects can start pods with any image and any service account of the namespace',
);
