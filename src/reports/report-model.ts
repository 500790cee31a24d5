import type { CheckStatus } from '../engine/check-result';
import type { FindingSource, ResourceRef } from '../engine/finding';
import type { CheckMeta, Framework, Layer, Phase, Principle, Severity } from '../engine/model';
import type { CheckCounts, SeverityCounts } from '../engine/scoring';
import type { ReportChanges, ReportInput } from './report-input';

/** Where the cluster stands overall, from its score and its open critical and high findings. */
export enum Posture {
  Critical = 'critical',
  Poor = 'poor',
  Fair = 'fair',
  Good = 'good',
}

export interface AffectedResource {
  resource: ResourceRef;
  container?: string;
  message: string;
  evidencePath: string;
  /** File and line (and Helm template) of a scanned manifest; absent for live clusters. */
  source?: FindingSource;
}

/** One failing check and the resources it failed on, in priority order. */
export interface CheckSection {
  check: CheckMeta;
  /** Open findings (accepted and false positives are in the triage section). */
  open: number;
  /** The first affected resources; `open - resources.length` more are in the appendix. */
  resources: AffectedResource[];
  truncated: number;
  /** Whether the paged report's appendix (`pagedAppendix`) lists every open finding of the check. */
  wholeInPagedAppendix: boolean;
}

export interface Risk {
  check: CheckMeta;
  open: number;
}

/** A failing check in the remediation plan. */
export interface PlanItem extends Risk {
  /** The check of an earlier plan item with the very same patch: the plan shows a patch once. */
  samePatchAs?: string;
}

/** One open finding in the appendix. */
export interface AppendixEntry {
  checkId: string;
  severity: Severity;
  resource: ResourceRef;
  container?: string;
  message: string;
  source?: FindingSource;
}

export interface MatrixCell {
  layer: Layer;
  phase: Phase;
  score: number | null;
  /** The posture rule applied to the cell, so both renderings colour it alike; null if nothing evaluated. */
  posture: Posture | null;
  checks: CheckCounts;
  open: SeverityCounts;
}

export interface TriageEntry {
  check: CheckMeta | undefined;
  checkId: string;
  resource: ResourceRef;
  container?: string;
  justification: string;
  expiresAt?: string;
  /** Accepted through an exception (waiver) rather than by a consultant's decision on the finding. */
  byException: boolean;
}

export interface GapEntry {
  kind: string;
  reason: string;
  /** Checks left unevaluated because of it. */
  checks: string[];
}

/**
 * The content of a report, computed once and rendered twice (Markdown and PDF): sections in order, lists
 * already sorted, truncated and grouped, so that the renderers select nothing. Built by `buildReport` from a
 * `ReportInput`; deterministic.
 */
export interface ReportModel {
  cover: {
    reportId: string;
    consultancy: ReportInput['consultancy'];
    client: string;
    engagement?: string;
    cluster: ReportInput['cluster'];
    assessedAt: string;
    confidentiality: string;
  };
  executive: {
    posture: Posture;
    score: number | null;
    open: SeverityCounts;
    accepted: number;
    falsePositives: number;
    topRisks: Risk[];
    changes?: ReportChanges;
  };
  matrix: { layers: Layer[]; phases: Phase[]; cells: MatrixCell[] };
  principles: {
    principle: Principle;
    score: number | null;
    posture: Posture | null;
    checks: CheckCounts;
    open: SeverityCounts;
  }[];
  frameworks: { framework: Framework; checks: CheckCounts; passRate: number | null }[];
  findings: CheckSection[];
  remediation: { quickWins: PlanItem[]; structural: PlanItem[] };
  limitations: {
    gaps: GapEntry[];
    notEvaluated: { check: CheckMeta; reason: string }[];
    inputErrors: ReportInput['inputErrors'];
    checkStatuses: Record<CheckStatus, number>;
    /** Findings on system components left out by the default exemptions. */
    exempted: number;
  };
  triage: { accepted: TriageEntry[]; falsePositives: TriageEntry[]; expiredExceptions: string[] };
  /** Every open finding, by check then resource: the full lists the sections truncate (the Markdown prints it). */
  appendix: AppendixEntry[];
  /**
   * What a paged report (the PDF) prints of the appendix: its first entries, so that a large cluster's report
   * stays readable; `omitted` more are in the full appendix and the JSON export.
   */
  pagedAppendix: { entries: AppendixEntry[]; omitted: number };
}
