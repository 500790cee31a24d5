import { objectCheck } from '../../check';
import { isRecord } from '../../inventory/guards';
import { Layer, Phase, Principle, Severity } from '../../model';

/** A malformed value (a single address instead of a list) is still a claim on an address. */
function claimsAddresses(externalIPs: unknown): boolean {
  if (Array.isArray(externalIPs)) {
    return externalIPs.length > 0;
  }
  return typeof externalIPs === 'string'
    ? externalIPs.trim() !== ''
    : externalIPs !== undefined && externalIPs !== null;
}

export const serviceExternalIps = objectCheck(
  {
    id: 'service-external-ips',
    title: 'Service claims external IPs',
    rationale:
      'Nodes route traffic for any address listed in the externalIPs of a Service to that Service, and Kubernetes does ' +
      'not check who owns the address (CVE-2020-8554). Whoever may create Services can use it to intercept ' +
      'traffic meant for other workloads or for outside hosts.',
    severity: Severity.High,
    layer: Layer.Orchestrator,
    phase: Phase.Deploy,
    principles: [Principle.Isolation, Principle.ZeroTrust],
    references: {},
    remediation: {
      text:
        'Remove `spec.externalIPs` and expose the Service through a LoadBalancer or an Ingress; block the field ' +
        'cluster-wide with the DenyServiceExternalIPs admission plugin or a policy engine.',
      patch: ['spec:', '  externalIPs: []'].join('\n'),
    },
  },
  { kinds: ['Service'] },
  (service) => {
    const externalIPs = isRecord(service['spec']) ? service['spec']['externalIPs'] : undefined;
    if (!claimsAddresses(externalIPs)) {
      return undefined;
    }
    return {
      message: `Service ${service.metadata.name ?? ''} claims external IPs: ${JSON.stringify(externalIPs)}`,
      path: 'spec.externalIPs',
      value: externalIPs,
    };
  },
);
