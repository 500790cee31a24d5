import { CheckStatus } from '../engine/check-result';
import { ExceptionState } from '../engine/exceptions';
import { Framework, Layer, Phase, Principle, type CheckMeta, severityRank } from '../engine/model';
import type { ReportFinding, ReportInput } from './report-input';
import {
  type AffectedResource,
  type AppendixEntry,
  type CheckSection,
  type GapEntry,
  type PlanItem,
  Posture,
  type ReportModel,
  type Risk,
  type TriageEntry,
} from './report-model';

/** Affected resources listed under a check; the rest are counted, and listed in the appendix. */
export const RESOURCES_PER_CHECK = 10;
/**
 * Open findings a paged report's appendix lists at most (about six pages of the PDF). On a large cluster the
 * appendix has tens of thousands: the PDF stays readable and quick to render, and says where the rest are.
 */
export const PAGED_APPENDIX_ROWS = 200;
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
  for (const [id, list] of byCheck) {
    byCheck.set(id, inResourceOrder(list));
  }
  return byCheck;
}

/** Findings in resource order. Each key is built once, not twice per comparison: lists run to 100k findings. */
function inResourceOrder(findings: readonly ReportFinding[]): ReportFinding[] {
  return findings
    .map((finding) => ({ key: resourceKey(finding), finding }))
    .sort((a, b) => compareText(a.key, b.key))
    .map((entry) => entry.finding);
}

/** The affected resources a check's section lists. */
function affectedResources(findings: readonly ReportFinding[]): AffectedResource[] {
  return findings.slice(0, RESOURCES_PER_CHECK).map((finding) => ({
    resource: finding.resource,
    ...(finding.container && { container: finding.container }),
    message: finding.message,
    evidencePath: finding.evidence.path,
    ...(finding.source && { source: finding.source }),
  }));
}

/**
 * Checks by priority: severity, then how many resources fail, then id (a stable order for equal ones). A
 * check's findings are whole in the paged appendix when they and those of every check before it fit in it.
 */
function sections(checks: Map<string, CheckMeta>, byCheck: Map<string, ReportFinding[]>): CheckSection[] {
  const ranked = [...byCheck.entries()]
    .map(([id, findings]) => ({ check: checks.get(id)!, findings }))
    .sort(
      (a, b) =>
        severityRank(b.check.severity) - severityRank(a.check.severity) ||
        b.findings.length - a.findings.length ||
        compareText(a.check.id, b.check.id),
    );
  let appendixRows = 0;
  return ranked.map(({ check, findings }) => {
    const resources = affectedResources(findings);
    appendixRows += findings.length;
    return {
      check,
      open: findings.length,
      resources,
      truncated: findings.length - resources.length,
      wholeInPagedAppendix: appendixRows <= PAGED_APPENDIX_ROWS,
    };
  });
}

/**
 * The plan's items, quick wins first: an item whose patch is the same as an earlier one's names that item
 * instead of repeating the patch (several checks share a fix, such as a RoleBinding's `roleRef`).
 */
function plan(risks: readonly Risk[]): ReportModel['remediation'] {
  const quickWins = risks.filter((risk) => isQuickWin(risk.check));
  const structural = risks.filter((risk) => !isQuickWin(risk.check));
  const firstWithPatch = new Map<string, string>();
  const samePatchAs = new Map<string, string>();
  for (const { check } of [...quickWins, ...structural]) {
    const patch = check.remediation.patch.trim();
    const first = firstWithPatch.get(patch);
    if (first !== undefined) {
      samePatchAs.set(check.id, first);
    } else if (patch !== '') {
      firstWithPatch.set(patch, check.id);
    }
  }
  const item = (risk: Risk): PlanItem => {
    const first = samePatchAs.get(risk.check.id);
    return { ...risk, ...(first !== undefined && { samePatchAs: first }) };
  };
  return { quickWins: quickWins.map(item), structural: structural.map(item) };
}

/** Every open finding, by check in priority order, then by resource. */
function appendix(findings: readonly CheckSection[], byCheck: Map<string, ReportFinding[]>): AppendixEntry[] {
  return findings.flatMap((section) =>
    byCheck.get(section.check.id)!.map((finding) => ({
      checkId: finding.check,
      severity: finding.severity,
      resource: finding.resource,
      ...(finding.container && { container: finding.container }),
      message: finding.message,
      ...(finding.source && { source: finding.source }),
    })),
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
  const openFindings = appendix(findings, byCheck);
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
    remediation: plan(risks),
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
    appendix: openFindings,
    pagedAppendix: {
      entries: openFindings.slice(0, PAGED_APPENDIX_ROWS),
      omitted: Math.max(0, openFindings.length - PAGED_APPENDIX_ROWS),
    },
  };
}
