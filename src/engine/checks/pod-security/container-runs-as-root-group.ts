import { containerCheck, type Violation } from '../../check';
import { type ContainerView, effectiveSetting, type Workload } from '../../inventory/workloads';
import { Layer, Phase, Principle, Severity } from '../../model';
import { isRootId, isWindowsPod, podSecurityContextOf } from './support/pod';

function primaryGroupViolation(workload: Workload, view: ContainerView): Violation | undefined {
  const group = effectiveSetting(workload, view, 'runAsGroup');
  if (!isRootId(group.value)) {
    return undefined;
  }
  return {
    message: `Container ${view.name} runs with GID 0 (root) as its primary group`,
    path: group.path,
    value: group.value,
    detail: 'runAsGroup',
  };
}

/** fsGroup and supplementalGroups are pod-wide: the kubelet adds them to every container's processes. */
function podGroupViolations(workload: Workload, view: ContainerView): Violation[] {
  const context = podSecurityContextOf(workload);
  const contextPath = `${workload.specPath}.securityContext`;
  const violations: Violation[] = [];
  if (isRootId(context.fsGroup)) {
    violations.push({
      message: `Container ${view.name} gets GID 0 (root) as a supplementary group through the pod fsGroup`,
      path: `${contextPath}.fsGroup`,
      value: context.fsGroup,
      detail: 'fsGroup',
    });
  }
  const supplemental: unknown = context.supplementalGroups;
  const groups: unknown[] = Array.isArray(supplemental) ? supplemental : [supplemental];
  const rootIndex = groups.findIndex(isRootId);
  if (rootIndex >= 0) {
    violations.push({
      message: `Container ${view.name} gets GID 0 (root) as a supplementary group`,
      path: Array.isArray(supplemental)
        ? `${contextPath}.supplementalGroups[${rootIndex}]`
        : `${contextPath}.supplementalGroups`,
      value: groups[rootIndex],
      detail: 'supplementalGroups',
    });
  }
  return violations;
}

export const containerRunsAsRootGroup = containerCheck(
  {
    id: 'container-runs-as-root-group',
    title: 'Container runs with the root group',
    rationale:
      'Files on the node and in images are often writable by group 0. A container whose primary or ' +
      'supplementary group is root can modify them through any hostPath or shared volume, even when it runs as a ' +
      'non-root user.',
    severity: Severity.Medium,
    layer: Layer.Application,
    phase: Phase.Runtime,
    principles: [Principle.LeastPrivilege],
    references: {
      nsa: ['pod-security/non-root'],
    },
    remediation: {
      text: 'Set a non-zero `runAsGroup` and `fsGroup`, and remove 0 from `supplementalGroups`.',
      patch: ['spec:', '  securityContext:', '    runAsGroup: 10001', '    fsGroup: 10001'].join('\n'),
    },
  },
  { containers: 'all' },
  (view, workload) => {
    if (isWindowsPod(workload)) {
      return undefined;
    }
    const primary = primaryGroupViolation(workload, view);
    return [...(primary ? [primary] : []), ...podGroupViolations(workload, view)];
  },
);
