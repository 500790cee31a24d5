import { CheckStatus } from '../engine/check-result';
import { ExceptionState } from '../engine/exceptions';
import { Framework, Layer, Phase, Principle, type CheckMeta, severityRank } from '../engine/model';
import type { ReportFinding, ReportInput } from './report-input';
import {
  type CheckSection,
  type GapEntry,
  Posture,
  type ReportModel,
  type Risk,
  type TriageEntry,
} from './report-model';

/** Affected resources listed under a check; the rest are counted, and listed in the appendix. */
export const RESOURCES_PER_CHECK = 10;
const TOP_RISKS = 5;
/** The frameworks a client's auditors ask about; Polaris and kubescape ids stay in the JSON export. */
const REPORTED_FRAMEWORKS = [Framework.Cis, Framework.Nsa, Framework.Mitre];

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function resourceKey(finding: ReportFinding): string {
  const { kind, namespace, name } = finding.resource;
  return `${kind}/${namespace ?? ''}/${name}/${finding.container ?? ''}/${finding.message}`;
}

function posture(score: number | null, open: ReportModel['executive']['open']): Posture {
  if (open.critical > 0) {
    return Posture.Critical;
  }
  if (open.high > 0 || (score !== null && score < 60)) {
    return Posture.Poor;
  }
  return score !== null && score >= 85 && open.medium === 0 ? Posture.Good : Posture.Fair;
}

/** A heat-map cell's or a principle's posture; none when none of its checks was evaluated. */
function partPosture(score: number | null, open: ReportModel['executive']['open']): Posture | null {
  return score === null ? null : posture(score, open);
}

/**
 * A workload's own settings (application layer) are fixed by a patch to its manifest: a quick win. The
 * orchestrator and system layers need changes to the platform (policies, RBAC design, node configuration).
 */
function isQuickWin(check: CheckMeta): boolean {
  return check.layer === Layer.Application && check.remediation.patch.trim() !== '';
}

function triageEntry(finding: ReportFinding, checks: Map<string, CheckMeta>): TriageEntry {
  return {
    check: checks.get(finding.check),
    checkId: finding.check,
    resource: finding.resource,
    ...(finding.container && { container: finding.container }),
    justification: finding.justification ?? '',
    ...(finding.expiresAt && { expiresAt: finding.expiresAt }),
    byException: finding.exceptionId !== undefined,
  };
}

/** Open findings of each catalog check, each list in resource order. */
function openByCheck(
  checks: Map<string, CheckMeta>,
  open: readonly ReportFinding[],
): Map<string, ReportFinding[]> {
  const byCheck = new Map<string, ReportFinding[]>();
  for (const finding of open) {
    if (checks.has(finding.check)) {
      const list = byCheck.get(finding.check) ?? [];
      list.push(finding);
      byCheck.set(finding.check, list);
    }
  }
  for (const list of byCheck.values()) {
    list.sort((a, b) => compareText(resourceKey(a), resourceKey(b)));
  }
  return byCheck;
}

/** Checks by priority: severity, then how many resources fail, then id (a stable order for equal ones). */
function sections(checks: Map<string, CheckMeta>, byCheck: Map<string, ReportFinding[]>): CheckSection[] {
  return [...byCheck.entries()]
    .map(([id, sorted]) => {
      const shown = sorted.slice(0, RESOURCES_PER_CHECK);
      return {
        check: checks.get(id)!,
        open: sorted.length,
        resources: shown.map((finding) => ({
          resource: finding.resource,
          ...(finding.container && { container: finding.container }),
          message: finding.message,
          evidencePath: finding.evidence.path,
          ...(finding.source && { source: finding.source }),
        })),
        truncated: sorted.length - shown.length,
      };
    })
    .sort(
      (a, b) =>
        severityRank(b.check.severity) - severityRank(a.check.severity) ||
        b.open - a.open ||
        compareText(a.check.id, b.check.id),
    );
}

function gaps(input: ReportInput): GapEntry[] {
  return input.coverageGaps.map((gap) => ({
    kind: gap.kind,
    reason: gap.reason,
    checks: input.checkResults
      .filter(
        (result) => result.status === CheckStatus.NotEvaluated && result.reason?.startsWith(`${gap.kind} `),
      )
      .map((result) => result.check)
      .sort(compareText),
  }));
}

/** The report's content from its input: pure and deterministic. */
export function buildReport(input: ReportInput): ReportModel {
  const checks = new Map(input.catalog.map((meta) => [meta.id, meta]));
  const byCheck = openByCheck(
    checks,
    input.findings.filter((finding) => finding.status === 'open'),
  );
  const findings = sections(checks, byCheck);
  const risks: Risk[] = findings.map((section) => ({ check: section.check, open: section.open }));
  const overall = input.scores.overall;
  const triaged = input.findings
    .filter((finding) => finding.status !== 'open')
    .sort((a, b) => compareText(a.check, b.check) || compareText(resourceKey(a), resourceKey(b)));
  return {
    cover: {
      reportId: input.reportId,
      consultancy: input.consultancy,
      client: input.client,
      ...(input.engagement && { engagement: input.engagement }),
      cluster: input.cluster,
      assessedAt: input.assessedAt,
      confidentiality: input.confidentiality,
    },
    executive: {
      posture: posture(overall.score, overall.findings),
      score: overall.score,
      open: overall.findings,
      accepted: triaged.filter((finding) => finding.status === 'accepted').length,
      falsePositives: triaged.filter((finding) => finding.status === 'false_positive').length,
      topRisks: risks.slice(0, TOP_RISKS),
      ...(input.changes && { changes: input.changes }),
    },
    matrix: {
      layers: Object.values(Layer),
      phases: Object.values(Phase),
      cells: Object.values(Layer).flatMap((layer) =>
        Object.values(Phase).map((phase) => {
          const score = input.scores.matrix[layer][phase];
          return {
            layer,
            phase,
            score: score.score,
            posture: partPosture(score.score, score.findings),
            checks: score.checks,
            open: score.findings,
          };
        }),
      ),
    },
    principles: Object.values(Principle).map((principle) => {
      const score = input.scores.principles[principle];
      return {
        principle,
        score: score.score,
        posture: partPosture(score.score, score.findings),
        checks: score.checks,
        open: score.findings,
      };
    }),
    frameworks: REPORTED_FRAMEWORKS.map((framework) => ({
      framework,
      checks: input.scores.frameworks[framework].checks,
      passRate: input.scores.frameworks[framework].passRate,
    })),
    findings,
    remediation: {
      quickWins: risks.filter((risk) => isQuickWin(risk.check)),
      structural: risks.filter((risk) => !isQuickWin(risk.check)),
    },
    limitations: {
      gaps: gaps(input),
      notEvaluated: input.checkResults
        .filter((result) => result.status === CheckStatus.NotEvaluated && checks.has(result.check))
        .map((result) => ({ check: checks.get(result.check)!, reason: result.reason ?? '' }))
        .sort((a, b) => compareText(a.check.id, b.check.id)),
      inputErrors: input.inputErrors,
      checkStatuses: input.summary.checks,
      exempted: input.summary.exempted,
    },
    triage: {
      accepted: triaged.filter((finding) => finding.status === 'accepted').map((f) => triageEntry(f, checks)),
      falsePositives: triaged
        .filter((finding) => finding.status === 'false_positive')
        .map((f) => triageEntry(f, checks)),
      expiredExceptions: input.exceptions
        .filter((exception) => exception.state === ExceptionState.Expired)
        .map((exception) => exception.id)
        .sort(compareText),
    },
    appendix: findings.flatMap((section) =>
      byCheck.get(section.check.id)!.map((finding) => ({
        checkId: finding.check,
        severity: finding.severity,
        resource: finding.resource,
        ...(finding.container && { container: finding.container }),
        message: finding.message,
        ...(finding.source && { source: finding.source }),
      })),
    ),
  };
}
