import { Layer, Phase, Principle, Severity } from '../../model';
import { componentCheck, ControlPlaneComponent } from './support/components';
import { admissionPluginOff } from './support/flag-findings';

export const apiserverNodeRestrictionDisabled = componentCheck(
  {
    id: 'apiserver-node-restriction-disabled',
    title: 'NodeRestriction admission plugin is off',
    rationale:
      'A kubelet credential can be stolen from any node a container escapes to. NodeRestriction confines it to ' +
      'its own Node and the pods bound to it; without it, the credential can relabel or taint other nodes and ' +
      'steer sensitive workloads onto the compromised one.',
    severity: Severity.High,
    layer: Layer.System,
    phase: Phase.Deploy,
    principles: [Principle.Admission, Principle.LeastPrivilege],
    references: {
      cis: ['1.2.14'],
      kubescape: ['C-0127'],
    },
    remediation: {
      text: 'Add NodeRestriction to `--enable-admission-plugins` (and use the Node authorizer).',
      patch: [
        'spec:',
        '  containers:',
        '    - name: kube-apiserver',
        '      command:',
        '        - kube-apiserver',
        '        - --enable-admission-plugins=NodeRestriction',
      ].join('\n'),
    },
    inspectsSystemComponents: true,
  },
  ControlPlaneComponent.ApiServer,
  (target) =>
    admissionPluginOff(target, 'NodeRestriction', 'kubelets may modify other nodes and pods they do not run'),
);
