import type { ContentText } from 'pdfmake/interfaces';
import type { FindingSource, ResourceRef } from '../../engine/finding';

/**
 * Words and numbers as the PDF prints them. Nothing here reads the locale or the clock: the same model gives
 * the same text on every machine.
 */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** An ISO date-time as a Date, or an error naming the field: PDF metadata needs a real date. */
export function parseDate(iso: string, field: string): Date {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    throw new Error(`${field} is not a date: ${JSON.stringify(iso)}`);
  }
  return date;
}

/** `27 November 2026`, in UTC; a value that is not a date is printed as given. */
export function formatDay(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** `27 November 2026, 10:00 UTC`. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  const time = `${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}`;
  return `${formatDay(iso)}, ${time} UTC`;
}

/** `79,955`. */
export function formatCount(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `3 findings`, `1 finding`. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** `34.9`, `0.0`: one decimal, as the scores are computed. */
export function formatScore(score: number | null): string {
  return score === null ? 'n/a' : score.toFixed(1);
}

export function formatRate(rate: number | null): string {
  return rate === null ? 'n/a' : `${Math.round(rate * 100)}%`;
}

/** `deploy/app.yaml:12 (chart/templates/deployment.yaml)`: where a manifest finding comes from. */
export function sourceLine(source: FindingSource): string {
  return `${source.file}:${source.line}${source.template === undefined ? '' : ` (${source.template})`}`;
}

/** `namespace/name`, or `name` for cluster-scoped resources. */
export function resourceName(resource: ResourceRef): string {
  return resource.namespace === undefined ? resource.name : `${resource.namespace}/${resource.name}`;
}

/** Long client strings in the running header are cut, so the header stays on one line. */
export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * Catalog prose with `code` spans in the monospace face. Only for the catalog's own text (titles,
 * rationales, remediation): strings from a client's cluster are always printed as one plain run.
 */
export function catalogProse(text: string, codeStyle = 'code'): ContentText[] {
  return text
    .split('`')
    .map((part, index) => (index % 2 === 1 ? { text: part, style: codeStyle } : { text: part }))
    .filter((run) => run.text !== '');
}
