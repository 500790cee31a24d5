import { Layer, Phase, Severity } from '../../../engine/model';
import type { Score, Scores } from '../../../engine/scoring';

export type ScoreMatrix = Scores['matrix'];

/**
 * One layer × phase cell over several clusters: check counts and open findings are summed; the score is the
 * lowest cluster score (null when no cluster evaluated a check there), so one weak cluster is not averaged away.
 */
function combineCell(cells: readonly Score[]): Score {
  const combined: Score = {
    checks: { passed: 0, failed: 0, notEvaluated: 0, notApplicable: 0 },
    findings: { critical: 0, high: 0, medium: 0, low: 0, info: 0 },
    score: null,
  };
  for (const cell of cells) {
    combined.checks.passed += cell.checks.passed;
    combined.checks.failed += cell.checks.failed;
    combined.checks.notEvaluated += cell.checks.notEvaluated;
    combined.checks.notApplicable += cell.checks.notApplicable;
    for (const severity of Object.values(Severity)) {
      combined.findings[severity] += cell.findings[severity];
    }
    if (cell.score !== null && (combined.score === null || cell.score < combined.score)) {
      combined.score = cell.score;
    }
  }
  return combined;
}

/** The engagement-wide matrix of the clusters' matrices; null when there are none. */
export function combineMatrices(matrices: readonly ScoreMatrix[]): ScoreMatrix | null {
  if (matrices.length === 0) {
    return null;
  }
  const row = (layer: Layer) =>
    Object.fromEntries(
      Object.values(Phase).map((phase) => [
        phase,
        combineCell(matrices.map((matrix) => matrix[layer][phase])),
      ]),
    ) as Record<Phase, Score>;
  return {
    [Layer.Application]: row(Layer.Application),
    [Layer.Orchestrator]: row(Layer.Orchestrator),
    [Layer.System]: row(Layer.System),
  };
}
