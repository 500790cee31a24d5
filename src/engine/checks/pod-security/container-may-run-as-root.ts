import { containerCheck, type Violation } from '../../check';
import { type ContainerView, effectiveSetting, type Workload } from '../../inventory/workloads';
import { Layer, Phase, Principle, Severity } from '../../model';
import { isRootId, isWindowsPod } from './support/pod';

function isNonRootId(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1;
}

function rootUserViolation(workload: Workload, view: ContainerView): Violation | undefined {
  const user = effectiveSetting(workload, view, 'runAsUser');
  if (isRootId(user.value)) {
    const where = user.inherited ? ' (set on the pod)' : '';
    return {
      message: `Container ${view.name} runs as UID 0 (root)${where}`,
      path: user.path,
      value: user.value,
    };
  }
  return undefined;
}

function unprovenNonRootViolation(workload: Workload, view: ContainerView): Violation | undefined {
  if (isNonRootId(effectiveSetting(workload, view, 'runAsUser').value)) {
    return undefined;
  }
  const nonRoot = effectiveSetting(workload, view, 'runAsNonRoot');
  if (nonRoot.value === true) {
    return undefined;
  }
  if (nonRoot.value === undefined) {
    return {
      message:
        `Container ${view.name} sets neither runAsNonRoot: true nor a non-zero runAsUser; ` +
        'it runs as whatever user the image names, root by default',
      path: nonRoot.path,
    };
  }
  return {
    message: `Container ${view.name} does not require a non-root user`,
    path: nonRoot.path,
    value: nonRoot.value,
  };
}

export const containerMayRunAsRoot = containerCheck(
  {
    id: 'container-may-run-as-root',
    title: 'Container may run as root',
    rationale:
      'A process running as UID 0 in the container is root on the node as far as the kernel is concerned once it ' +
      'escapes, and owns every file a hostPath or shared volume exposes. Only runAsNonRoot: true or an explicit ' +
      'non-zero runAsUser makes the kubelet guarantee a non-root user; otherwise the image decides. An explicit ' +
      'runAsUser: 0 is reported even where runAsNonRoot is also set, as the two contradict each other.',
    severity: Severity.High,
    layer: Layer.Application,
    phase: Phase.Runtime,
    principles: [Principle.LeastPrivilege, Principle.Isolation],
    references: {
      cis: ['5.2.7'],
      nsa: ['pod-security/non-root'],
      polaris: ['runAsRootAllowed'],
      kubescape: ['C-0013'],
    },
    remediation: {
      text:
        'Set `runAsNonRoot: true` and a non-zero `runAsUser` in the pod security context, build the image with a ' +
        'non-root USER, and remove any container-level `runAsUser: 0` or `runAsNonRoot: false`.',
      patch: ['spec:', '  securityContext:', '    runAsNonRoot: true', '    runAsUser: 10001'].join('\n'),
    },
  },
  { containers: 'all' },
  (view, workload) => {
    if (isWindowsPod(workload)) {
      return undefined;
    }
    return rootUserViolation(workload, view) ?? unprovenNonRootViolation(workload, view);
  },
);
