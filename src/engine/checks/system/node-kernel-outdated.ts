import { objectCheck, type Violation } from '../../check';
import type { KubeObject } from '../../kube-types';
import { Layer, Phase, Principle, Severity } from '../../model';
import { LINUX_KERNELS } from './data/linux-kernels';
import {
  compareLines,
  hasEnded,
  isWindowsNode,
  lineOf,
  NODE,
  nodeInfoOf,
  nodeInfoPath,
  nodesPrecondition,
  parseVersion,
  type Version,
} from './support';

const PATH = nodeInfoPath('kernelVersion');

/**
 * Kernels whose version number follows upstream stable releases: plain builds (Bottlerocket), `+` (Container-
 * Optimized OS), and distributions that rebase on stable (Amazon Linux, Flatcar, Talos, Azure Linux, Fedora).
 * Other distribution kernels backport fixes behind an unchanged number and cannot be judged by it.
 */
const UPSTREAM_STABLE_SUFFIX = /^(?:\+?|[-.+].*(?:amzn|flatcar|talos|\.cm\d|\.azl\d|\.fc\d).*)$/;
const KERNEL_RELEASE = /^(\d+\.\d+\.\d+)(.*)$/;

/** The upstream version of a kernel release string, when its number can be trusted. */
export function upstreamKernelVersion(release: string): Version | undefined {
  const match = KERNEL_RELEASE.exec(release);
  return match && UPSTREAM_STABLE_SUFFIX.test(match[2] ?? '') ? parseVersion(match[1]) : undefined;
}

function line(text: string): Version {
  return parseVersion(text) ?? { major: 0, minor: 0, patch: 0 };
}

/** Why the kernel's line gets no more fixes, if it does not. Lines newer than the data knows are not judged. */
function unmaintainedLine(kernel: Version): string | undefined {
  if (compareLines(kernel, line(LINUX_KERNELS.newestKnownLine)) > 0) {
    return undefined;
  }
  const longterm = LINUX_KERNELS.longterm.find((entry) => compareLines(line(entry.line), kernel) === 0);
  if (!longterm) {
    return 'is not a longterm line and gets no more fixes';
  }
  return hasEnded(longterm.endOfLife, LINUX_KERNELS.asOf)
    ? `reached end of life on ${longterm.endOfLife}`
    : undefined;
}

type ContainerEscape = (typeof LINUX_KERNELS.containerEscapes)[number];

/** The fixed version on the kernel's line, `none` when the line never got the fix, undefined when unaffected. */
function fixFor(kernel: Version, escape: ContainerEscape): string | undefined {
  if (
    compareLines(kernel, line(escape.introducedIn)) < 0 ||
    compareLines(kernel, line(escape.fixedInMainline)) >= 0
  ) {
    return undefined;
  }
  const fixed = escape.fixedIn
    .map((text) => parseVersion(text)!)
    .find((version) => compareLines(version, kernel) === 0);
  if (!fixed) {
    return 'none';
  }
  return kernel.patch < fixed.patch ? `${fixed.major}.${fixed.minor}.${fixed.patch}` : undefined;
}

function escapeViolations(node: KubeObject, release: string, kernel: Version): Violation[] {
  return LINUX_KERNELS.containerEscapes.flatMap((escape) => {
    const fix = fixFor(kernel, escape);
    if (!fix) {
      return [];
    }
    const remedy = fix === 'none' ? `its ${lineOf(kernel)} line never got the fix` : `fixed in ${fix}`;
    return [
      {
        message:
          `Node ${node.metadata.name ?? ''} runs kernel ${release}, ` +
          `open to the container escape ${escape.cve} (${escape.name}; ${remedy})`,
        path: PATH,
        value: release,
        detail: escape.cve,
      },
    ];
  });
}

export const nodeKernelOutdated = objectCheck(
  {
    id: 'node-kernel-outdated',
    title: 'Node kernel is unmaintained or open to a known container escape',
    rationale:
      'Every container on a node shares its kernel, so a kernel bug is a way out of every container at once. ' +
      'Kernels on a line that no longer gets fixes, or older than the fix for a published container escape ' +
      '(Dirty Pipe, the cgroup release_agent escape), turn one compromised pod into a compromised node.',
    severity: Severity.High,
    layer: Layer.System,
    phase: Phase.Distribute,
    principles: [Principle.Isolation],
    references: {
      nsa: ['upgrading'],
      mitre: ['T1611', 'T1068'],
      kubescape: ['C-0079'],
    },
    remediation: {
      text:
        'Move the node to a current node image, or update its kernel to the latest release of a maintained ' +
        'longterm line, and reboot it.',
      patch: [
        '# the Node after a kernel update and reboot',
        'status:',
        '  nodeInfo:',
        '    kernelVersion: 6.1.158',
      ].join('\n'),
    },
  },
  { kinds: [NODE], precondition: nodesPrecondition },
  (node) => {
    const release = nodeInfoOf(node, 'kernelVersion');
    const kernel = release && !isWindowsNode(node) ? upstreamKernelVersion(release) : undefined;
    if (!release || !kernel) {
      return undefined;
    }
    const reason = unmaintainedLine(kernel);
    const violations = escapeViolations(node, release, kernel);
    if (reason) {
      violations.unshift({
        message: `Node ${node.metadata.name ?? ''} runs kernel ${release}, whose ${lineOf(kernel)} line ${reason}`,
        path: PATH,
        value: release,
        detail: 'unmaintained-line',
      });
    }
    return violations;
  },
);
