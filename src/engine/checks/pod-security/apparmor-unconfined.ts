import { containerCheck } from '../../check';
import { Layer, Phase, Principle, Severity } from '../../model';
import { Confinement, effectiveAppArmor } from './support/confinement';
import { isWindowsPod } from './support/pod';

export const apparmorUnconfined = containerCheck(
  {
    id: 'apparmor-unconfined',
    title: 'Container opts out of AppArmor',
    rationale:
      'On nodes with AppArmor, the runtime confines every container with its default profile, which blocks ' +
      'writes to sensitive kernel interfaces such as /proc/sys and mount operations. Setting the profile to ' +
      'Unconfined removes that protection on purpose, leaving the container one kernel or runtime bug away from ' +
      'the node.',
    severity: Severity.High,
    layer: Layer.Application,
    phase: Phase.Runtime,
    principles: [Principle.Isolation],
    references: {
      nsa: ['pod-security/enforcement'],
      mitre: ['T1611'],
    },
    remediation: {
      text:
        'Remove the Unconfined AppArmor profile (field or `container.apparmor.security.beta.kubernetes.io` ' +
        'annotation) so the runtime default applies, or use a Localhost profile written for the workload.',
      patch: ['spec:', '  securityContext:', '    appArmorProfile:', '      type: RuntimeDefault'].join('\n'),
    },
  },
  { containers: 'all' },
  (view, workload) => {
    if (isWindowsPod(workload)) {
      return undefined;
    }
    const appArmor = effectiveAppArmor(workload, view);
    if (appArmor.confinement !== Confinement.Unconfined) {
      return undefined;
    }
    return {
      message: `Container ${view.name} runs with AppArmor explicitly unconfined`,
      path: appArmor.path,
      value: appArmor.value,
    };
  },
);
