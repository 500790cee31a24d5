import { objectCheck } from '../../check';
import { Layer, Phase, Principle, Severity } from '../../model';
import { OPERATING_SYSTEMS } from './data/operating-systems';
import { hasEnded, NODE, nodeInfoOf, nodeInfoPath, nodesPrecondition } from './support';

export const nodeOsImageEndOfLife = objectCheck(
  {
    id: 'node-os-image-end-of-life',
    title: 'Node operating system is past end of life',
    rationale:
      'A node whose distribution is out of support gets no more fixes for its kernel, container runtime, ' +
      'systemd or OpenSSL. Every later vulnerability in the host stays open under all the pods it runs.',
    severity: Severity.Medium,
    layer: Layer.System,
    phase: Phase.Distribute,
    principles: [Principle.Isolation],
    references: {
      nsa: ['upgrading'],
      mitre: ['T1068'],
    },
    remediation: {
      text:
        'Rebuild the node from a supported release of the distribution (or a container-optimised OS) and drain ' +
        'the old one; buy extended support only as a bridge.',
      patch: [
        '# the Node after moving to a supported image',
        'status:',
        '  nodeInfo:',
        '    osImage: Ubuntu 24.04.3 LTS',
      ].join('\n'),
    },
  },
  { kinds: [NODE], precondition: nodesPrecondition },
  (node) => {
    const image = nodeInfoOf(node, 'osImage');
    const system = image && OPERATING_SYSTEMS.endOfLife.find((entry) => entry.pattern.test(image));
    if (!image || !system || !hasEnded(system.endOfLife, OPERATING_SYSTEMS.asOf)) {
      return undefined;
    }
    return {
      message: `Node ${node.metadata.name ?? ''} runs ${image}: ${system.name} ${system.support} ended on ${system.endOfLife}`,
      path: nodeInfoPath('osImage'),
      value: image,
    };
  },
);
