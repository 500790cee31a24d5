import type { ResourceRef } from '../../engine/finding';

/**
 * Dates and names as the PDF prints them (numbers and catalog facts are in `../text/format`). Nothing here reads
 * the locale or the clock: the same model gives the same text on every machine.
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

/** `namespace/name`, or `name` for cluster-scoped resources. */
export function resourceName(resource: ResourceRef): string {
  return resource.namespace === undefined ? resource.name : `${resource.namespace}/${resource.name}`;
}

/** Long client strings in the running header are cut, so the header stays on one line. */
export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
