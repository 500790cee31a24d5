import { objectCheck, type Violation } from '../../check';
import { asArray, isRecord } from '../../inventory/guards';
import type { KubeObject } from '../../kube-types';
import { Layer, Phase, Principle, Severity } from '../../model';

/** Annotations with which cloud load balancers terminate TLS for an Ingress without `spec.tls` (AWS, GKE, Azure). */
const CLOUD_TLS_ANNOTATIONS = [
  'alb.ingress.kubernetes.io/certificate-arn',
  'networking.gke.io/managed-certificates',
  'ingress.gcp.kubernetes.io/pre-shared-cert',
  'appgw.ingress.kubernetes.io/appgw-ssl-certificate',
];

interface TlsCoverage {
  /** An entry without hosts applies to every host the controller serves. */
  everyHost: boolean;
  patterns: string[];
}

function tlsCoverage(entries: readonly Record<string, unknown>[]): TlsCoverage {
  const patterns = entries.flatMap((entry) =>
    asArray<unknown>(entry['hosts']).flatMap((host) =>
      typeof host === 'string' ? [host.toLowerCase()] : [],
    ),
  );
  const listsNoHost = (hosts: unknown) =>
    hosts === undefined || hosts === null || (Array.isArray(hosts) && hosts.length === 0);
  return { everyHost: entries.some((entry) => listsNoHost(entry['hosts'])), patterns };
}

/** `*.example.com` matches exactly one label in front of `example.com`. */
function hostMatches(pattern: string, host: string): boolean {
  if (!pattern.startsWith('*.')) {
    return pattern === host;
  }
  const suffix = pattern.slice(1);
  return host.endsWith(suffix) && host.length > suffix.length && !host.slice(0, -suffix.length).includes('.');
}

function hasCloudTls(ingress: KubeObject): boolean {
  const annotations = isRecord(ingress.metadata.annotations) ? ingress.metadata.annotations : {};
  return CLOUD_TLS_ANNOTATIONS.some(
    (annotation) => typeof annotations[annotation] === 'string' && annotations[annotation] !== '',
  );
}

function uncoveredHosts(
  ingress: KubeObject,
  spec: Record<string, unknown>,
  coverage: TlsCoverage,
): Violation[] {
  if (coverage.everyHost) {
    return [];
  }
  return asArray<unknown>(spec['rules']).flatMap((rule, index) => {
    const host = isRecord(rule) && typeof rule['host'] === 'string' ? rule['host'] : undefined;
    if (host === undefined || coverage.patterns.some((pattern) => hostMatches(pattern, host.toLowerCase()))) {
      return [];
    }
    return [
      {
        message: `Ingress ${ingress.metadata.name ?? ''} serves host ${host} without TLS: no spec.tls entry covers it`,
        path: `spec.rules[${index}].host`,
        value: host,
        detail: host,
      },
    ];
  });
}

export const ingressTlsMissing = objectCheck(
  {
    id: 'ingress-tls-missing',
    title: 'Ingress serves hosts without TLS',
    rationale:
      'Without TLS, credentials, session cookies and data cross the network in clear text and clients cannot ' +
      'verify they are talking to the real service. The Ingress is where encryption is cheapest to add.',
    severity: Severity.Medium,
    layer: Layer.Orchestrator,
    phase: Phase.Develop,
    principles: [Principle.ZeroTrust, Principle.Authentication],
    references: {
      nsa: ['network/encryption'],
      polaris: ['tlsSettingsMissing'],
    },
    remediation: {
      text:
        'Add a `spec.tls` entry listing every host of the Ingress with the Secret holding its certificate ' +
        '(cert-manager can issue and renew it), and redirect HTTP to HTTPS.',
      patch: [
        'spec:',
        '  tls:',
        '    - hosts:',
        '        - shop.example.com',
        '      secretName: shop-example-com-tls',
      ].join('\n'),
    },
  },
  { kinds: ['Ingress'] },
  (ingress) => {
    if (hasCloudTls(ingress)) {
      return undefined;
    }
    const spec = isRecord(ingress['spec']) ? ingress['spec'] : {};
    const entries = asArray<unknown>(spec['tls']).filter(isRecord);
    if (entries.length === 0) {
      return {
        message: `Ingress ${ingress.metadata.name ?? ''} configures no TLS: all of its traffic is plain HTTP`,
        path: 'spec.tls',
        ...(spec['tls'] !== undefined && { value: spec['tls'] }),
      };
    }
    return uncoveredHosts(ingress, spec, tlsCoverage(entries));
  },
);
