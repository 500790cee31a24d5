import { type Violation, workloadCheck } from '../../check';
import { isRecord } from '../../inventory/guards';
import { securityContextOf, type Workload } from '../../inventory/workloads';
import { Layer, Phase, Principle, Severity } from '../../model';
import { isSwitchedOn, podSecurityContextOf } from './support/pod';

function hostProcessOf(context: { windowsOptions?: unknown }): unknown {
  return isRecord(context.windowsOptions) ? context.windowsOptions['hostProcess'] : undefined;
}

function hostProcessViolations(workload: Workload): Violation[] {
  const violations: Violation[] = [];
  const podValue = hostProcessOf(podSecurityContextOf(workload));
  if (isSwitchedOn(podValue)) {
    violations.push({
      message: 'The pod runs all its containers as Windows HostProcess containers',
      path: `${workload.specPath}.securityContext.windowsOptions.hostProcess`,
      value: podValue,
    });
  }
  for (const view of workload.containers) {
    const value = hostProcessOf(securityContextOf(view.container));
    if (isSwitchedOn(value)) {
      violations.push({
        message: `Container ${view.name} runs as a Windows HostProcess container`,
        path: `${view.path}.securityContext.windowsOptions.hostProcess`,
        value,
        container: view.name,
      });
    }
  }
  return violations;
}

export const windowsHostProcess = workloadCheck(
  {
    id: 'windows-host-process',
    title: 'Pod runs Windows HostProcess containers',
    rationale:
      'A HostProcess container runs directly on the Windows node, in the host network and with access to the ' +
      "node's filesystem and processes, typically as SYSTEM. It is the Windows equivalent of a privileged " +
      'container with every host namespace: a compromise of it is a compromise of the node.',
    severity: Severity.Critical,
    layer: Layer.System,
    phase: Phase.Runtime,
    principles: [Principle.Isolation, Principle.LeastPrivilege],
    references: {
      cis: ['5.2.11'],
      mitre: ['T1611'],
      polaris: ['hostProcess'],
    },
    remediation: {
      text:
        'Run the workload as a regular Windows container; keep HostProcess to node-management DaemonSets in ' +
        'namespaces reserved for them.',
      patch: ['spec:', '  securityContext:', '    windowsOptions:', '      hostProcess: false'].join('\n'),
    },
  },
  {},
  hostProcessViolations,
);
