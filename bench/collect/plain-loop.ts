import { Agent, get } from 'node:https';

export interface PlainLoopInput {
  url: string;
  caPem: string;
  token: string;
  /** Collection paths, e.g. `/api/v1/pods`, each listed to its last page. */
  paths: string[];
  /** Lists in flight at once, over as many keep-alive connections. */
  concurrency: number;
  pageSize: number;
}

export interface PlainLoopResult {
  objects: number;
  pages: number;
  bytes: number;
}

interface ListPage {
  metadata?: { continue?: string };
  items?: unknown[];
}

/**
 * The floor the collector is measured against: the same pages fetched with Node's https, one keep-alive agent
 * and JSON.parse, nothing else. The items are kept, as a collection keeps them.
 */
export async function fetchAllPages(input: PlainLoopInput): Promise<PlainLoopResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: input.concurrency, ca: input.caPem });
  const objects: unknown[] = [];
  const totals = { pages: 0, bytes: 0 };
  const fetchPage = (path: string): Promise<ListPage> =>
    new Promise((resolve, reject) => {
      const headers = { authorization: `Bearer ${input.token}`, accept: 'application/json' };
      get(new URL(path, input.url), { agent, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const body = Buffer.concat(chunks);
          if (response.statusCode !== 200) {
            reject(new Error(`${path} answered ${response.statusCode}`));
            return;
          }
          totals.pages++;
          totals.bytes += body.length;
          resolve(JSON.parse(body.toString('utf8')) as ListPage);
        });
      }).on('error', reject);
    });
  const queue = [...input.paths];
  const listNext = async (): Promise<void> => {
    for (let path = queue.shift(); path; path = queue.shift()) {
      let token: string | undefined;
      do {
        const query = new URLSearchParams({
          limit: String(input.pageSize),
          ...(token && { continue: token }),
        });
        const page = await fetchPage(`${path}?${query.toString()}`);
        for (const item of page.items ?? []) {
          objects.push(item);
        }
        token = page.metadata?.continue || undefined;
      } while (token);
    }
  };
  try {
    await Promise.all(Array.from({ length: input.concurrency }, listNext));
  } finally {
    agent.destroy();
  }
  return { objects: objects.length, ...totals };
}
