import { Layer, Phase, Principle, Severity } from '../../model';
import { DANGEROUS_CAPABILITIES } from './container-dangerous-capabilities';
import { addedCapabilityCheck } from './support/capabilities';

/** Binding ports below 1024 is the one capability the restricted Pod Security Standard lets containers add. */
const ALLOWED_CAPABILITIES = new Set(['NET_BIND_SERVICE']);

export const containerAddedCapabilities = addedCapabilityCheck(
  {
    id: 'container-added-capabilities',
    title: 'Container adds Linux capabilities',
    rationale:
      'Every added capability widens what a compromised process may do, and restores powers the runtime would ' +
      'otherwise remove after a drop of ALL. Apart from NET_BIND_SERVICE, an added capability should be a ' +
      'reviewed exception. The capabilities that reach the node are reported by container-dangerous-capabilities ' +
      'instead of here.',
    severity: Severity.Low,
    layer: Layer.Application,
    phase: Phase.Runtime,
    principles: [Principle.LeastPrivilege],
    references: {
      cis: ['5.2.9'],
    },
    remediation: {
      text:
        'Remove capabilities the process does not need from `capabilities.add`; where one is needed, document ' +
        'the exception.',
      patch: [
        'spec:',
        '  containers:',
        '    - name: app',
        '      securityContext:',
        '        capabilities:',
        '          drop: [ALL]',
        '          add: [NET_BIND_SERVICE]',
      ].join('\n'),
    },
  },
  (capability) =>
    ALLOWED_CAPABILITIES.has(capability.name) || DANGEROUS_CAPABILITIES.has(capability.name)
      ? undefined
      : `the ${capability.raw} capability`,
);
