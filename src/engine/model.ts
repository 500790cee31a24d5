/** The three axes of the security model (DESIGN.md §1) and the metadata every check carries. */

export enum Severity {
  Critical = 'critical',
  High = 'high',
  Medium = 'medium',
  Low = 'low',
  Info = 'info',
}

export const SEVERITIES_BY_RANK: readonly Severity[] = [
  Severity.Critical,
  Severity.High,
  Severity.Medium,
  Severity.Low,
  Severity.Info,
];

/** Higher is worse. */
export function severityRank(severity: Severity): number {
  return SEVERITIES_BY_RANK.length - SEVERITIES_BY_RANK.indexOf(severity);
}

export enum Layer {
  Application = 'application',
  Orchestrator = 'orchestrator',
  System = 'system',
}

export enum Phase {
  Develop = 'develop',
  Distribute = 'distribute',
  Deploy = 'deploy',
  Runtime = 'runtime',
}

export enum Principle {
  Authentication = 'authentication',
  Authorization = 'authorization',
  Auditing = 'auditing',
  Admission = 'admission',
  LeastPrivilege = 'least-privilege',
  ZeroTrust = 'zero-trust',
  Isolation = 'isolation',
}

export enum Framework {
  Cis = 'cis',
  Nsa = 'nsa',
  Mitre = 'mitre',
  Polaris = 'polaris',
  Kubescape = 'kubescape',
}

/** Identifiers only: CIS Kubernetes Benchmark v1.9.0 ids, NSA/CISA guide section ids (see nsa-sections.ts),
 * MITRE ATT&CK technique ids, Polaris check ids, kubescape control ids. */
export type References = Partial<Record<Framework, readonly string[]>>;

export interface Remediation {
  text: string;
  /** A YAML fragment showing the fix, as it would be merged into the resource. */
  patch: string;
}

export interface CheckMeta {
  id: string;
  title: string;
  rationale: string;
  severity: Severity;
  layer: Layer;
  phase: Phase;
  principles: readonly Principle[];
  references: References;
  remediation: Remediation;
  /** The check inspects system components on purpose, so system-namespace exemptions do not apply. */
  inspectsSystemComponents?: boolean;
}
