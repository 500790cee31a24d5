import { Layer, Phase, Principle, Severity } from '../../model';
import { componentCheck, ControlPlaneComponent } from './support/components';
import { admissionPluginOff } from './support/flag-findings';

export const apiserverAlwaysPullImagesDisabled = componentCheck(
  {
    id: 'apiserver-always-pull-images-disabled',
    title: 'AlwaysPullImages admission plugin is off',
    rationale:
      'Once a private image is cached on a node, any pod scheduled there can start it by name, without the pull ' +
      'secret that protects it in the registry. AlwaysPullImages makes every pod pull, so the registry checks ' +
      'its credentials each time.',
    severity: Severity.Medium,
    layer: Layer.Orchestrator,
    phase: Phase.Distribute,
    principles: [Principle.Authorization, Principle.Admission],
    references: {
      cis: ['1.2.11'],
      kubescape: ['C-0123'],
    },
    remediation: {
      text:
        'Add AlwaysPullImages to `--enable-admission-plugins` on multi-tenant clusters (the registry must then be ' +
        'reachable for every pod start).',
      patch: [
        'spec:',
        '  containers:',
        '    - name: kube-apiserver',
        '      command:',
        '        - kube-apiserver',
        '        - --enable-admission-plugins=NodeRestriction,AlwaysPullImages',
      ].join('\n'),
    },
    inspectsSystemComponents: true,
  },
  ControlPlaneComponent.ApiServer,
  (target) =>
    admissionPluginOff(
      target,
      'AlwaysPullImages',
      'pods may start private images cached on their node without pull credentials',
    ),
);
