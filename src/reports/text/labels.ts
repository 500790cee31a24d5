import { Framework, Layer, Phase, Principle, Severity } from '../../engine/model';
import { Posture } from '../report-model';

/** How the model's values read in a report, the same in Markdown and PDF. */

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

export const POSTURE_LABELS: Record<Posture, string> = {
  [Posture.Critical]: 'Critical',
  [Posture.Poor]: 'Poor',
  [Posture.Fair]: 'Fair',
  [Posture.Good]: 'Good',
};

/** What a section says of an empty list. */
export const NONE = 'None.';

/** A heat-map cell or a principle that has no posture: none of its checks ran, or it has none. */
export const NOT_EVALUATED = 'Not evaluated';
export const NO_CHECKS = 'No checks';

/** The cover's details, beside the client's own strings. */
export const COVER_LABELS = {
  client: 'Client',
  engagement: 'Engagement',
  cluster: 'Cluster',
  assessedAt: 'Assessment date',
  preparedBy: 'Prepared by',
  reportId: 'Report id',
} as const;
