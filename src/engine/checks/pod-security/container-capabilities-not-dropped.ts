import { containerCheck } from '../../check';
import { Layer, Phase, Principle, Severity } from '../../model';
import {
  capabilityList,
  DEFAULT_CAPABILITIES,
  droppedCapabilities,
  dropsAllDefaultCapabilities,
} from './support/capabilities';
import { isWindowsPod } from './support/pod';

export const containerCapabilitiesNotDropped = containerCheck(
  {
    id: 'container-capabilities-not-dropped',
    title: 'Container keeps the default Linux capabilities',
    rationale:
      'Container runtimes grant a default set of capabilities (CHOWN, DAC_OVERRIDE, NET_RAW, SETUID and others) ' +
      'that most applications never use. They let a compromised process change file ownership, bypass file ' +
      'permissions, craft raw packets and switch users. Dropping ALL, or each default capability explicitly, ' +
      'removes them.',
    severity: Severity.Medium,
    layer: Layer.Application,
    phase: Phase.Runtime,
    principles: [Principle.LeastPrivilege],
    references: {
      cis: ['5.2.10'],
      polaris: ['insecureCapabilities'],
    },
    remediation: {
      text: 'Add `ALL` to `capabilities.drop`, then add back only the capabilities the process needs.',
      patch: [
        'spec:',
        '  containers:',
        '    - name: app',
        '      securityContext:',
        '        capabilities:',
        '          drop: [ALL]',
      ].join('\n'),
    },
  },
  { containers: 'all' },
  (view, workload) => {
    if (isWindowsPod(workload) || dropsAllDefaultCapabilities(view.container)) {
      return undefined;
    }
    const drop = capabilityList(view.container, 'drop');
    const dropped = droppedCapabilities(view.container);
    const kept = DEFAULT_CAPABILITIES.filter((capability) => !dropped.has(capability));
    return {
      message: `Container ${view.name} does not drop ALL capabilities and keeps ${kept.join(', ')}`,
      path: `${view.path}.securityContext.capabilities.drop`,
      ...(drop !== undefined && drop !== null && { value: drop }),
    };
  },
);
