/** The framework editions the catalog's references are checked against. */
export const FRAMEWORK_EDITIONS = {
  cis: 'CIS Kubernetes Benchmark v1.9.0',
  nsa: 'NSA/CISA Kubernetes Hardening Guidance v1.2 (August 2022)',
  mitre: 'MITRE ATT&CK for Containers (Enterprise ATT&CK v16)',
  polaris: 'Fairwinds Polaris built-in checks (commit c0e23a2)',
  kubescape: 'kubescape regolibrary controls',
} as const;
