import { containerCheck, type Violation } from '../../check';
import type { ContainerView } from '../../inventory/workloads';
import { securityContextOf } from '../../inventory/workloads';
import { Layer, Phase, Principle, Severity } from '../../model';
import { addedCapabilities } from './support/capabilities';
import { isSwitchedOn, isWindowsPod } from './support/pod';

/** Privileged mode and CAP_SYS_ADMIN let a process gain privileges whatever allowPrivilegeEscalation says. */
function impliedEscalation(view: ContainerView): Violation | undefined {
  const context = securityContextOf(view.container);
  if (isSwitchedOn(context.privileged)) {
    return {
      message: `Container ${view.name} runs privileged, which always allows privilege escalation`,
      path: `${view.path}.securityContext.privileged`,
      value: context.privileged,
    };
  }
  const sysAdmin = addedCapabilities(view).find(
    (capability) => capability.name === 'SYS_ADMIN' || capability.name === 'ALL',
  );
  if (sysAdmin) {
    return {
      message: `Container ${view.name} adds ${sysAdmin.raw}, which always allows privilege escalation`,
      path: sysAdmin.path,
      value: sysAdmin.raw,
    };
  }
  return undefined;
}

export const containerPrivilegeEscalationAllowed = containerCheck(
  {
    id: 'container-privilege-escalation-allowed',
    title: 'Container may gain more privileges than its parent process',
    rationale:
      'Unless allowPrivilegeEscalation is false, the kernel lets a process in the container pick up new ' +
      'privileges through setuid/setgid binaries or file capabilities. An attacker who lands as an unprivileged ' +
      'user can then climb to root inside the container, the usual first step towards the node. The field only ' +
      'exists per container, and privileged mode or CAP_SYS_ADMIN re-enable escalation regardless.',
    severity: Severity.High,
    layer: Layer.Application,
    phase: Phase.Runtime,
    principles: [Principle.LeastPrivilege],
    references: {
      cis: ['5.2.6'],
      nsa: ['pod-security/enforcement'],
      polaris: ['privilegeEscalationAllowed'],
      kubescape: ['C-0016'],
    },
    remediation: {
      text:
        'Set `allowPrivilegeEscalation: false` in the security context of every container (init and sidecar ' +
        'containers included), and do not combine it with privileged mode or CAP_SYS_ADMIN.',
      patch: [
        'spec:',
        '  containers:',
        '    - name: app',
        '      securityContext:',
        '        allowPrivilegeEscalation: false',
      ].join('\n'),
    },
  },
  { containers: 'all' },
  (view, workload) => {
    if (isWindowsPod(workload)) {
      return undefined;
    }
    const implied = impliedEscalation(view);
    if (implied) {
      return implied;
    }
    const allow = securityContextOf(view.container).allowPrivilegeEscalation;
    if (allow === false) {
      return undefined;
    }
    const path = `${view.path}.securityContext.allowPrivilegeEscalation`;
    if (allow === undefined || allow === null) {
      return { message: `Container ${view.name} does not set allowPrivilegeEscalation: false`, path };
    }
    return { message: `Container ${view.name} allows privilege escalation`, path, value: allow };
  },
);
