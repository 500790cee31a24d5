import { LAYER_LABELS, PHASE_LABELS, REFERENCE_LABELS } from '../labels';
import type { FindingSource, ResourceRef } from '../../engine/finding';
import { type CheckMeta, Framework, type References, SEVERITIES_BY_RANK } from '../../engine/model';
import type { SeverityCounts } from '../../engine/scoring';
import { Posture } from '../report-model';

// How the model's values read in a report: labels, icons, counts, dates, resources. No locale is used, so the
// same model reads the same everywhere.

/** Coloured squares: the one way to colour a table cell that GitHub and most viewers render. */
export const POSTURE_ICONS: Record<Posture, string> = {
  [Posture.Critical]: '🟥',
  [Posture.Poor]: '🟧',
  [Posture.Fair]: '🟨',
  [Posture.Good]: '🟩',
};
export const NOT_EVALUATED_ICON = '⬜';

export const POSTURE_LABELS: Record<Posture, string> = {
  [Posture.Critical]: 'Critical',
  [Posture.Poor]: 'Poor',
  [Posture.Fair]: 'Fair',
  [Posture.Good]: 'Good',
};

/** `2026-11-27 10:00 UTC`: no locale, so the same date renders the same everywhere. */
export function dateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function day(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toISOString().slice(0, 10);
}

/** A count with thousands grouped (`79,955`), without a locale, so that it renders the same everywhere. */
export function countText(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function scoreText(score: number | null): string {
  return score === null ? 'n/a' : score.toFixed(1);
}

/** `2 high, 5 medium`: the non-zero counts, worst first; `none` when nothing is open. */
export function openText(counts: SeverityCounts): string {
  const parts = SEVERITIES_BY_RANK.filter((severity) => counts[severity] > 0).map(
    (severity) => `${countText(counts[severity])} ${severity}`,
  );
  return parts.length === 0 ? 'none' : parts.join(', ');
}

export function resourceText(resource: ResourceRef): string {
  return `${resource.kind} ${resource.namespace ? `${resource.namespace}/` : ''}${resource.name}`;
}

export function sourceText(source: FindingSource | undefined): string {
  if (!source) {
    return '';
  }
  return `${source.file}:${source.line}${source.template ? ` (${source.template})` : ''}`;
}

export function placeText(check: CheckMeta): string {
  return `${LAYER_LABELS[check.layer]} × ${PHASE_LABELS[check.phase]}`;
}

export function referencesText(references: References): string {
  return Object.values(Framework)
    .filter((framework) => (references[framework] ?? []).length > 0)
    .map((framework) => `${REFERENCE_LABELS[framework]} ${references[framework]!.join(', ')}`)
    .join(' · ');
}
