import type { Check } from './check';
import { type Framework, type Layer, type Phase, type Principle, type Severity, severityRank } from './model';

export interface CheckSelection {
  checks?: readonly string[];
  layers?: readonly Layer[];
  phases?: readonly Phase[];
  principles?: readonly Principle[];
  /** Only checks citing at least one of these frameworks. */
  frameworks?: readonly Framework[];
  /** Only checks of this severity or worse. */
  minSeverity?: Severity;
}

export class UnknownCheckError extends Error {
  constructor(readonly ids: readonly string[]) {
    super(`unknown check id: ${ids.join(', ')}`);
  }
}

function matchesAny<T>(wanted: readonly T[] | undefined, actual: readonly T[]): boolean {
  return !wanted || wanted.length === 0 || actual.some((value) => wanted.includes(value));
}

export function selectChecks(catalog: readonly Check[], selection: CheckSelection = {}): Check[] {
  const unknown = (selection.checks ?? []).filter((id) => !catalog.some((check) => check.meta.id === id));
  if (unknown.length > 0) {
    throw new UnknownCheckError(unknown);
  }
  return catalog.filter(({ meta }) => {
    const cited = Object.entries(meta.references)
      .filter(([, ids]) => ids && ids.length > 0)
      .map(([framework]) => framework as Framework);
    return (
      matchesAny(selection.checks, [meta.id]) &&
      matchesAny(selection.layers, [meta.layer]) &&
      matchesAny(selection.phases, [meta.phase]) &&
      matchesAny(selection.principles, meta.principles) &&
      matchesAny(selection.frameworks, cited) &&
      (!selection.minSeverity || severityRank(meta.severity) >= severityRank(selection.minSeverity))
    );
  });
}
