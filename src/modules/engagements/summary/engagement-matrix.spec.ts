import { Layer, Phase } from '../../../engine/model';
import type { Score } from '../../../engine/scoring';
import { combineMatrices, type ScoreMatrix } from './engagement-matrix';

function cell(passed: number, failed: number, high: number, score: number | null): Score {
  return {
    checks: { passed, failed, notEvaluated: 1, notApplicable: 2 },
    findings: { critical: 0, high, medium: 1, low: 0, info: 0 },
    score,
  };
}

/** Every cell the same, except application × runtime. */
function matrix(runtime: Score, other: Score): ScoreMatrix {
  const row = (layer: Layer) =>
    Object.fromEntries(
      Object.values(Phase).map((phase) => [
        phase,
        layer === Layer.Application && phase === Phase.Runtime ? runtime : other,
      ]),
    ) as Record<Phase, Score>;
  return {
    application: row(Layer.Application),
    orchestrator: row(Layer.Orchestrator),
    system: row(Layer.System),
  };
}

describe('combineMatrices', () => {
  it('sums check counts and open findings per cell and keeps the lowest score', () => {
    const combined = combineMatrices([
      matrix(cell(3, 1, 2, 80), cell(0, 0, 0, null)),
      matrix(cell(1, 2, 5, 40.5), cell(2, 0, 0, 100)),
    ])!;
    expect(combined.application.runtime).toEqual({
      checks: { passed: 4, failed: 3, notEvaluated: 2, notApplicable: 4 },
      findings: { critical: 0, high: 7, medium: 2, low: 0, info: 0 },
      score: 40.5,
    });
    expect(combined.system.develop.score).toBe(100);
    expect(combined.orchestrator.deploy.checks.passed).toBe(2);
  });

  it('leaves a cell unscored when no cluster evaluated a check there', () => {
    const combined = combineMatrices([matrix(cell(0, 0, 0, null), cell(0, 0, 0, null))])!;
    expect(combined.application.runtime.score).toBeNull();
  });

  it('has no matrix without clusters', () => {
    expect(combineMatrices([])).toBeNull();
  });
});
