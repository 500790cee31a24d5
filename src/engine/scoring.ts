import type { Check } from './check';
import { type CheckResult, CheckStatus } from './check-result';
import type { Finding } from './finding';
import { FindingStatus } from './finding';
import { Framework, Layer, Phase, Principle, Severity } from './model';

const SEVERITY_WEIGHT: Record<Severity, number> = {
  [Severity.Critical]: 10,
  [Severity.High]: 5,
  [Severity.Medium]: 2,
  [Severity.Low]: 1,
  [Severity.Info]: 0.5,
};

export interface CheckCounts {
  passed: number;
  failed: number;
  notEvaluated: number;
  notApplicable: number;
}

export type SeverityCounts = Record<Severity, number>;

export interface Score {
  checks: CheckCounts;
  /** Open findings by severity. */
  findings: SeverityCounts;
  /** 0–100: severity-weighted share of evaluated checks that passed; null when nothing was evaluated. */
  score: number | null;
}

export interface FrameworkScore {
  checks: CheckCounts;
  /** passed / (passed + failed), 0–1; null when no citing check was evaluated. */
  passRate: number | null;
}

export interface Scores {
  overall: Score;
  matrix: Record<Layer, Record<Phase, Score>>;
  principles: Record<Principle, Score>;
  frameworks: Record<Framework, FrameworkScore>;
}

interface Accumulator {
  counts: CheckCounts;
  findings: SeverityCounts;
  weightPassed: number;
  weightEvaluated: number;
}

function emptyAccumulator(): Accumulator {
  return {
    counts: { passed: 0, failed: 0, notEvaluated: 0, notApplicable: 0 },
    findings: emptySeverityCounts(),
    weightPassed: 0,
    weightEvaluated: 0,
  };
}

export function emptySeverityCounts(): SeverityCounts {
  return { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
}

function add(accumulator: Accumulator, check: Check, result: CheckResult, openBySeverity: number): void {
  const weight = SEVERITY_WEIGHT[check.meta.severity];
  accumulator.findings[check.meta.severity] += openBySeverity;
  switch (result.status) {
    case CheckStatus.Passed:
      accumulator.counts.passed++;
      accumulator.weightPassed += weight;
      accumulator.weightEvaluated += weight;
      break;
    case CheckStatus.Failed:
      accumulator.counts.failed++;
      accumulator.weightEvaluated += weight;
      break;
    case CheckStatus.NotEvaluated:
      accumulator.counts.notEvaluated++;
      break;
    case CheckStatus.NotApplicable:
      accumulator.counts.notApplicable++;
      break;
  }
}

function toScore(accumulator: Accumulator): Score {
  return {
    checks: accumulator.counts,
    findings: accumulator.findings,
    score:
      accumulator.weightEvaluated === 0
        ? null
        : Math.round((1000 * accumulator.weightPassed) / accumulator.weightEvaluated) / 10,
  };
}

function mapValues<K extends string, V, W>(record: Record<K, V>, fn: (value: V) => W): Record<K, W> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, fn(value as V)])) as Record<
    K,
    W
  >;
}

function keyed<K extends string>(keys: readonly K[]): Record<K, Accumulator> {
  return Object.fromEntries(keys.map((key) => [key, emptyAccumulator()])) as Record<K, Accumulator>;
}

function openFindingsByCheck(findings: readonly Finding[]): Map<string, number> {
  const open = new Map<string, number>();
  for (const finding of findings) {
    if (finding.status === FindingStatus.Open) {
      open.set(finding.check, (open.get(finding.check) ?? 0) + 1);
    }
  }
  return open;
}

/** Scores per layer × phase cell, per principle and overall; pass rates per framework. */
export function score(
  checks: readonly Check[],
  results: readonly CheckResult[],
  findings: readonly Finding[],
): Scores {
  const open = openFindingsByCheck(findings);
  const overall = emptyAccumulator();
  const matrix = mapValues(keyed(Object.values(Layer)), () => keyed(Object.values(Phase)));
  const principles = keyed(Object.values(Principle));
  const frameworks = keyed(Object.values(Framework));
  const resultById = new Map(results.map((result) => [result.check, result]));
  for (const check of checks) {
    const result = resultById.get(check.meta.id);
    if (!result) {
      continue;
    }
    const openCount = open.get(check.meta.id) ?? 0;
    add(overall, check, result, openCount);
    add(matrix[check.meta.layer][check.meta.phase], check, result, openCount);
    for (const principle of check.meta.principles) {
      add(principles[principle], check, result, openCount);
    }
    for (const [framework, ids] of Object.entries(check.meta.references)) {
      if (ids && ids.length > 0) {
        add(frameworks[framework as Framework], check, result, openCount);
      }
    }
  }
  return {
    overall: toScore(overall),
    matrix: mapValues(matrix, (row) => mapValues(row, toScore)),
    principles: mapValues(principles, toScore),
    frameworks: mapValues(frameworks, ({ counts }) => ({
      checks: counts,
      passRate: counts.passed + counts.failed === 0 ? null : counts.passed / (counts.passed + counts.failed),
    })),
  };
}
