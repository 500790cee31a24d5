import { type ListScope, lowerBound, type ResourceObjects } from './object-store';

const TOKEN_VERSION = 'meta.k8s.io/v1';
/** The resource version a 410 hands out with its token: "from the latest state", as etcd3 storage does. */
const LATEST = -1;

/** Where a list goes on: the snapshot it reads and the first key (relative to the list's scope) it returns. */
export interface ContinuePosition {
  resourceVersion: number;
  start: string;
}

export interface Page {
  items: unknown[];
  resourceVersion: number;
  continueToken?: string;
  remainingItemCount?: number;
}

/** Same layout as the API server's token: base64url of `{"v","rv","start"}`, with `start` = last key + NUL. */
export function encodeContinue(position: ContinuePosition): string {
  const payload = { v: TOKEN_VERSION, rv: position.resourceVersion, start: position.start };
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

export function decodeContinue(token: string): ContinuePosition | undefined {
  try {
    const payload = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Record<string, unknown>;
    const { v, rv, start } = payload;
    const validVersion = typeof rv === 'number' && Number.isInteger(rv) && (rv > 0 || rv === LATEST);
    if (v !== TOKEN_VERSION || !validVersion || typeof start !== 'string' || start === '') {
      return undefined;
    }
    return { resourceVersion: rv, start };
  } catch {
    return undefined;
  }
}

/** The token a 410 carries: same position, read from the latest state. */
export function inconsistentContinue(position: ContinuePosition): string {
  return encodeContinue({ resourceVersion: LATEST, start: position.start });
}

/** One page of a list: at most `limit` items from `position` on (all of them when `limit` is absent or 0). */
export function listPage(
  objects: ResourceObjects,
  scope: ListScope,
  currentResourceVersion: number,
  limit: number | undefined,
  position: ContinuePosition | undefined,
): Page {
  const from = position
    ? lowerBound(objects.keys, scope.keyPrefix + position.start, scope.start, scope.end)
    : scope.start;
  const to = limit ? Math.min(from + limit, scope.end) : scope.end;
  const readVersion =
    position && position.resourceVersion !== LATEST ? position.resourceVersion : currentResourceVersion;
  const page: Page = { items: objects.listItems.slice(from, to), resourceVersion: readVersion };
  if (to < scope.end) {
    const lastKey = (objects.keys[to - 1] as string).slice(scope.keyPrefix.length);
    page.continueToken = encodeContinue({ resourceVersion: readVersion, start: `${lastKey}\u0000` });
    page.remainingItemCount = scope.end - to;
  }
  return page;
}
