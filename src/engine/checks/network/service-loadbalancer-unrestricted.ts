import { objectCheck } from '../../check';
import { isRecord } from '../../inventory/guards';
import type { KubeObject } from '../../kube-types';
import { Layer, Phase, Principle, Severity } from '../../model';

/** Cloud annotations that put the load balancer on a private address (AWS, GCP, Azure). */
const INTERNAL_LOAD_BALANCER: readonly { annotation: string; value: string }[] = [
  { annotation: 'service.beta.kubernetes.io/aws-load-balancer-internal', value: 'true' },
  { annotation: 'service.beta.kubernetes.io/aws-load-balancer-scheme', value: 'internal' },
  { annotation: 'networking.gke.io/load-balancer-type', value: 'internal' },
  { annotation: 'cloud.google.com/load-balancer-type', value: 'internal' },
  { annotation: 'service.beta.kubernetes.io/azure-load-balancer-internal', value: 'true' },
];

/** The annotation Kubernetes honours when `spec.loadBalancerSourceRanges` is not set. */
const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';

const OPEN_RANGES = new Set(['0.0.0.0/0', '::/0']);

function isInternal(service: KubeObject): boolean {
  const annotations = isRecord(service.metadata.annotations) ? service.metadata.annotations : {};
  return INTERNAL_LOAD_BALANCER.some(
    ({ annotation, value }) =>
      String(annotations[annotation] ?? '')
        .trim()
        .toLowerCase() === value,
  );
}

interface SourceRanges {
  ranges: unknown;
  path: string;
}

function sourceRangesOf(service: KubeObject, spec: Record<string, unknown>): SourceRanges {
  const annotation = service.metadata.annotations?.[SOURCE_RANGES_ANNOTATION];
  if (spec['loadBalancerSourceRanges'] === undefined && typeof annotation === 'string') {
    const ranges = annotation
      .split(',')
      .map((range) => range.trim())
      .filter((range) => range !== '');
    return { ranges, path: `metadata.annotations["${SOURCE_RANGES_ANNOTATION}"]` };
  }
  return { ranges: spec['loadBalancerSourceRanges'], path: 'spec.loadBalancerSourceRanges' };
}

/** Why the ranges do not restrict who may connect, or undefined when they do. A malformed list restricts nothing. */
function unrestrictedReason(ranges: unknown): string | undefined {
  if (!Array.isArray(ranges) || ranges.length === 0) {
    return ranges === undefined || ranges === null || Array.isArray(ranges)
      ? 'sets no loadBalancerSourceRanges'
      : 'has malformed loadBalancerSourceRanges';
  }
  const open = (ranges as unknown[]).find(
    (range): range is string => typeof range === 'string' && OPEN_RANGES.has(range.trim()),
  );
  return open === undefined ? undefined : `allows every address (${open})`;
}

export const serviceLoadbalancerUnrestricted = objectCheck(
  {
    id: 'service-loadbalancer-unrestricted',
    title: 'LoadBalancer Service open to any source address',
    rationale:
      'A LoadBalancer Service gets an address from the cloud provider, usually a public one. Without source ' +
      'ranges the workload behind it is reachable from the whole internet, including services never meant to ' +
      'be public, such as databases and admin interfaces.',
    severity: Severity.Medium,
    layer: Layer.Orchestrator,
    phase: Phase.Deploy,
    principles: [Principle.ZeroTrust, Principle.LeastPrivilege],
    references: {
      mitre: ['T1190'],
    },
    remediation: {
      text:
        'List the client networks in `spec.loadBalancerSourceRanges`, or make the load balancer internal with ' +
        "your cloud provider's annotation when only private networks need it.",
      patch: ['spec:', '  loadBalancerSourceRanges:', '    - 203.0.113.0/24'].join('\n'),
    },
  },
  { kinds: ['Service'] },
  (service) => {
    const spec = isRecord(service['spec']) ? service['spec'] : {};
    if (spec['type'] !== 'LoadBalancer' || isInternal(service)) {
      return undefined;
    }
    const { ranges, path } = sourceRangesOf(service, spec);
    const reason = unrestrictedReason(ranges);
    if (!reason) {
      return undefined;
    }
    return {
      message: `LoadBalancer Service ${service.metadata.name ?? ''} ${reason}: any address can connect`,
      path,
      ...(ranges !== undefined && { value: ranges }),
    };
  },
);
