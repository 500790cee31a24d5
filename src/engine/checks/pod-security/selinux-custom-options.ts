import { type Violation, workloadCheck } from '../../check';
import { isRecord } from '../../inventory/guards';
import { securityContextOf, type Workload } from '../../inventory/workloads';
import { Layer, Phase, Principle, Severity } from '../../model';
import { isWindowsPod, podSecurityContextOf } from './support/pod';

/** The SELinux types the baseline Pod Security Standard allows: the confined container domains. */
const ALLOWED_TYPES = new Set(['container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t']);

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

function optionViolations(options: unknown, path: string, owner: string, container?: string): Violation[] {
  if (!isRecord(options)) {
    return [];
  }
  const violations: Violation[] = [];
  for (const field of ['user', 'role']) {
    if (isSet(options[field])) {
      violations.push({
        message: `${owner} sets a custom SELinux ${field}`,
        path: `${path}.${field}`,
        value: options[field],
        ...(container !== undefined && { container }),
      });
    }
  }
  const type = options['type'];
  if (isSet(type) && !(typeof type === 'string' && ALLOWED_TYPES.has(type))) {
    violations.push({
      message: `${owner} runs in the SELinux type ${String(type)} instead of a confined container type`,
      path: `${path}.type`,
      value: type,
      ...(container !== undefined && { container }),
    });
  }
  return violations;
}

function podLevelViolations(workload: Workload): Violation[] {
  const path = `${workload.specPath}.securityContext.seLinuxOptions`;
  return optionViolations(podSecurityContextOf(workload).seLinuxOptions, path, 'The pod');
}

export const selinuxCustomOptions = workloadCheck(
  {
    id: 'selinux-custom-options',
    title: 'Pod or container sets custom SELinux options',
    rationale:
      'On SELinux nodes the runtime labels each container with a confined type such as container_t, which keeps ' +
      'it away from host files and other containers. A custom user, role or an unconfined type (spc_t, ' +
      'unconfined_t) lifts that confinement; only the container types and the MCS level are safe to set.',
    severity: Severity.Medium,
    layer: Layer.Application,
    phase: Phase.Runtime,
    principles: [Principle.Isolation],
    references: {
      nsa: ['pod-security/enforcement'],
      mitre: ['T1611'],
    },
    remediation: {
      text:
        'Remove `seLinuxOptions.user` and `.role`, and use one of the container types (container_t, ' +
        'container_init_t, container_kvm_t, container_engine_t) if a type is needed at all; `level` may stay.',
      patch: ['spec:', '  securityContext:', '    seLinuxOptions:', '      type: container_t'].join('\n'),
    },
  },
  {},
  (workload) => {
    if (isWindowsPod(workload)) {
      return undefined;
    }
    return [
      ...podLevelViolations(workload),
      ...workload.containers.flatMap((view) =>
        optionViolations(
          securityContextOf(view.container).seLinuxOptions,
          `${view.path}.securityContext.seLinuxOptions`,
          `Container ${view.name}`,
          view.name,
        ),
      ),
    ];
  },
);
