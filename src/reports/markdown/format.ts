import type { ResourceRef } from '../../engine/finding';
import { SEVERITIES_BY_RANK } from '../../engine/model';
import type { SeverityCounts } from '../../engine/scoring';
import { Posture } from '../report-model';
import { countText } from '../text/format';

// How the Markdown report shows values: posture squares, dates, resources. No locale is used, so the same
// model reads the same everywhere.

/** Coloured squares: the one way to colour a table cell that GitHub and most viewers render. */
export const POSTURE_ICONS: Record<Posture, string> = {
  [Posture.Critical]: '🟥',
  [Posture.Poor]: '🟧',
  [Posture.Fair]: '🟨',
  [Posture.Good]: '🟩',
};
export const NOT_EVALUATED_ICON = '⬜';
export const NO_CHECKS_ICON = '—';

/** `2026-11-27 10:00 UTC`: no locale, so the same date renders the same everywhere. */
export function dateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function day(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toISOString().slice(0, 10);
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
