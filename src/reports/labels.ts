import { Framework, Layer, Phase, Principle, Severity } from '../engine/model';

/** How the model's enum values read in a report, the same in Markdown and PDF. */

export const LAYER_LABELS: Record<Layer, string> = {
  [Layer.Application]: 'Application',
  [Layer.Orchestrator]: 'Orchestrator',
  [Layer.System]: 'System',
};

export const PHASE_LABELS: Record<Phase, string> = {
  [Phase.Develop]: 'Develop',
  [Phase.Distribute]: 'Distribute',
  [Phase.Deploy]: 'Deploy',
  [Phase.Runtime]: 'Runtime',
};

export const PRINCIPLE_LABELS: Record<Principle, string> = {
  [Principle.Authentication]: 'Authentication',
  [Principle.Authorization]: 'Authorization',
  [Principle.Auditing]: 'Auditing',
  [Principle.Admission]: 'Admission',
  [Principle.LeastPrivilege]: 'Least privilege',
  [Principle.ZeroTrust]: 'Zero trust',
  [Principle.Isolation]: 'Isolation',
};

export const FRAMEWORK_NAMES: Record<Framework, string> = {
  [Framework.Cis]: 'CIS Kubernetes Benchmark',
  [Framework.Nsa]: 'NSA/CISA Kubernetes Hardening Guidance',
  [Framework.Mitre]: 'MITRE ATT&CK (Containers)',
  [Framework.Polaris]: 'Polaris',
  [Framework.Kubescape]: 'kubescape',
};

export const REFERENCE_LABELS: Record<Framework, string> = {
  [Framework.Cis]: 'CIS',
  [Framework.Nsa]: 'NSA/CISA',
  [Framework.Mitre]: 'MITRE ATT&CK',
  [Framework.Polaris]: 'Polaris',
  [Framework.Kubescape]: 'kubescape',
};

export const SEVERITY_LABELS: Record<Severity, string> = {
  [Severity.Critical]: 'Critical',
  [Severity.High]: 'High',
  [Severity.Medium]: 'Medium',
  [Severity.Low]: 'Low',
  [Severity.Info]: 'Info',
};
