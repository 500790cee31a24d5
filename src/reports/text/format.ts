import type { FindingSource } from '../../engine/finding';
import { type CheckMeta, Framework, type References } from '../../engine/model';
import { LAYER_LABELS, PHASE_LABELS, REFERENCE_LABELS } from './labels';

// Numbers and catalog facts as both renderings print them. No locale and no clock: the same model reads the
// same on every machine.

/** `79,955`. */
export function countText(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `3 findings`, `1 finding`. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${countText(count)} ${count === 1 ? one : many}`;
}

/** `34.9`, `0.0`: one decimal, as the scores are computed. */
export function scoreText(score: number | null): string {
  return score === null ? 'n/a' : score.toFixed(1);
}

/** A pass rate (0–1) as `67 %`. */
export function rateText(rate: number | null): string {
  return rate === null ? 'n/a' : `${Math.round(rate * 100)} %`;
}

/** `Application × Runtime`: where a check sits in the model. */
export function placeText(check: CheckMeta): string {
  return `${LAYER_LABELS[check.layer]} × ${PHASE_LABELS[check.phase]}`;
}

/** `CIS 5.2.2 · MITRE ATT&CK T1611`: the framework controls a check cites. */
export function referencesText(references: References): string {
  return Object.values(Framework)
    .filter((framework) => (references[framework] ?? []).length > 0)
    .map((framework) => `${REFERENCE_LABELS[framework]} ${references[framework]!.join(', ')}`)
    .join(' · ');
}

/** `deploy/app.yaml:12 (chart/templates/deployment.yaml)`: where a manifest finding comes from. */
export function sourceText(source: FindingSource | undefined): string {
  if (!source) {
    return '';
  }
  return `${source.file}:${source.line}${source.template ? ` (${source.template})` : ''}`;
}
