/**
 * Section ids for the NSA/CISA Kubernetes Hardening Guidance (v1.2, August 2022). The guide numbers no
 * sections, so checks cite these ids; the values are the guide's own headings.
 */
export const NSA_SECTIONS = {
  'pod-security/non-root': 'Kubernetes Pod security: "Non-root" containers and "rootless" container engines',
  'pod-security/immutable-filesystem': 'Kubernetes Pod security: Immutable container file systems',
  'pod-security/secure-images': 'Kubernetes Pod security: Building secure container images',
  'pod-security/enforcement': 'Kubernetes Pod security: Pod security enforcement',
  'pod-security/service-account-tokens': 'Kubernetes Pod security: Protecting Pod service account tokens',
  'pod-security/hardening-environments': 'Kubernetes Pod security: Hardening container environments',
  'network/namespaces': 'Network separation and hardening: Namespaces',
  'network/network-policies': 'Network separation and hardening: Network policies',
  'network/resource-policies': 'Network separation and hardening: Resource policies',
  'network/control-plane': 'Network separation and hardening: Control plane hardening',
  'network/etcd': 'Network separation and hardening: Control plane hardening: Etcd',
  'network/kubeconfig': 'Network separation and hardening: Control plane hardening: Kubeconfig files',
  'network/worker-node-segmentation': 'Network separation and hardening: Worker node segmentation',
  'network/encryption': 'Network separation and hardening: Encryption',
  'network/secrets': 'Network separation and hardening: Secrets',
  'network/cloud-infrastructure':
    'Network separation and hardening: Protecting sensitive cloud infrastructure',
  'authn-authz/authentication': 'Authentication and authorization: Authentication',
  'authn-authz/rbac': 'Authentication and authorization: Role-based access control',
  'audit/logging': 'Audit Logging and Threat Detection: Logging',
  'audit/native-audit-logging':
    'Audit Logging and Threat Detection: Kubernetes native audit logging configuration',
  'audit/seccomp-audit': 'Audit Logging and Threat Detection: Seccomp: audit mode',
  'audit/threat-detection': 'Audit Logging and Threat Detection: Threat Detection',
  upgrading: 'Upgrading and application security practices',
} as const;

export type NsaSection = keyof typeof NSA_SECTIONS;
