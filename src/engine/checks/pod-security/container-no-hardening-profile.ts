import { containerCheck } from '../../check';
import { isRecord } from '../../inventory/guards';
import { type ContainerView, effectiveSetting, type Workload } from '../../inventory/workloads';
import { Layer, Phase, Principle, Severity } from '../../model';
import { addedCapabilities, droppedCapabilities } from './support/capabilities';
import { Confinement, effectiveAppArmor, effectiveSeccomp } from './support/confinement';
import { isWindowsPod } from './support/pod';

function hasSeLinuxOptions(workload: Workload, view: ContainerView): boolean {
  const options = effectiveSetting(workload, view, 'seLinuxOptions').value;
  return (
    isRecord(options) &&
    ['user', 'role', 'type', 'level'].some(
      (field) => typeof options[field] === 'string' && options[field] !== '',
    )
  );
}

/** Dropping capabilities hardens the container only if it does not add them all back. */
function dropsCapabilities(view: ContainerView): boolean {
  return (
    droppedCapabilities(view.container).size > 0 &&
    !addedCapabilities(view).some((capability) => capability.name === 'ALL')
  );
}

export const containerNoHardeningProfile = containerCheck(
  {
    id: 'container-no-hardening-profile',
    title: 'Container uses no Linux hardening mechanism',
    rationale:
      'Seccomp, AppArmor, SELinux and dropped capabilities each cut down what a compromised process can ask of ' +
      'the shared node kernel. A container with none of them relies on namespaces alone, so a single kernel bug ' +
      'reachable from inside is enough to reach the node. Settings made on the pod count unless the container ' +
      'overrides them.',
    severity: Severity.Medium,
    layer: Layer.Application,
    phase: Phase.Runtime,
    principles: [Principle.Isolation],
    references: {
      nsa: ['pod-security/enforcement', 'pod-security/hardening-environments'],
      mitre: ['T1611'],
      polaris: ['linuxHardening'],
      kubescape: ['C-0055'],
    },
    remediation: {
      text:
        'Apply at least the RuntimeDefault seccomp profile at pod level and drop ALL capabilities in each ' +
        'container; add an AppArmor or SELinux profile where the nodes support it.',
      patch: [
        'spec:',
        '  securityContext:',
        '    seccompProfile:',
        '      type: RuntimeDefault',
        '  containers:',
        '    - name: app',
        '      securityContext:',
        '        capabilities:',
        '          drop: [ALL]',
      ].join('\n'),
    },
  },
  { containers: 'all' },
  (view, workload, inventory) => {
    if (isWindowsPod(workload)) {
      return undefined;
    }
    const seccomp = effectiveSeccomp(workload, view, inventory.cluster.version);
    const hardened =
      seccomp.confinement === Confinement.Confined ||
      effectiveAppArmor(workload, view).confinement === Confinement.Confined ||
      hasSeLinuxOptions(workload, view) ||
      dropsCapabilities(view);
    if (hardened) {
      return undefined;
    }
    const message =
      `Container ${view.name} has no seccomp or AppArmor profile, no SELinux options ` +
      'and drops no capabilities';
    if (seccomp.confinement === Confinement.Unconfined) {
      return { message: `${message} (seccomp is Unconfined)`, path: seccomp.path, value: seccomp.value };
    }
    return { message, path: `${view.path}.securityContext` };
  },
);
