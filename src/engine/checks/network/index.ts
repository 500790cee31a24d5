import type { Check } from '../../check';
import { ingressTlsMissing } from './ingress-tls-missing';
import { namespaceWithoutNetworkPolicy } from './namespace-without-network-policy';
import { serviceExternalIps } from './service-external-ips';
import { serviceLoadbalancerUnrestricted } from './service-loadbalancer-unrestricted';
import { serviceNodeport } from './service-nodeport';
import { workloadNetworkAllowlistMissing } from './workload-network-allowlist-missing';
import { workloadNotIsolatedByNetworkPolicy } from './workload-not-isolated-by-network-policy';

export const networkChecks: readonly Check[] = [
  namespaceWithoutNetworkPolicy,
  workloadNotIsolatedByNetworkPolicy,
  workloadNetworkAllowlistMissing,
  serviceNodeport,
  serviceLoadbalancerUnrestricted,
  ingressTlsMissing,
  serviceExternalIps,
];
