import { readdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';

const ASSESSMENT_TIMEOUT_MS = 15 * 60_000;
const POLL_MS = 250;

/** The consultant's side of the API, over plain HTTP. */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    readonly key: string,
  ) {}

  /**
   * A new connection per request (no keep-alive): the worker and the snapshot generator block this process
   * for seconds, long enough for the server to close an idle kept-alive socket just as the client reuses it.
   */
  request<T>(method: string, path: string, body?: string | Buffer, contentType?: string): Promise<T> {
    const headers = {
      authorization: `Bearer ${this.key}`,
      ...(contentType && { 'content-type': contentType }),
    };
    return new Promise<T>((resolve, reject) => {
      const request = httpRequest(`${this.baseUrl}${path}`, { method, headers, agent: false }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const status = response.statusCode ?? 0;
          if (status < 200 || status >= 300) {
            reject(new Error(`${method} ${path} answered ${status}: ${text.slice(0, 500)}`));
          } else {
            resolve(JSON.parse(text) as T);
          }
        });
      });
      request.on('error', reject);
      request.end(body);
    });
  }

  async create(path: string, body: unknown): Promise<string> {
    return (await this.request<{ id: string }>('POST', path, JSON.stringify(body), 'application/json')).id;
  }
}

export interface Target {
  engagementId: string;
  clusterId: string;
}

/** An organization with an engagement and a snapshot cluster. */
export async function createTarget(client: ApiClient, name: string): Promise<Target> {
  const organizationId = await client.create('/v1/organizations', { name });
  return {
    engagementId: await client.create('/v1/engagements', { organizationId, name: `${name} review` }),
    clusterId: await client.create('/v1/clusters', {
      organizationId,
      name: `${name}-prod`,
      source: { type: 'snapshot' },
    }),
  };
}

export interface AssessmentView {
  id: string;
  status: string;
  timings: Record<string, number | undefined>;
  startedAt: string | null;
  finishedAt: string | null;
  failure: string | null;
}

/** Creates an assessment of the target's latest snapshot and waits until the worker has run it. */
export async function assess(client: ApiClient, target: Target): Promise<AssessmentView> {
  const id = await client.create('/v1/assessments', target);
  const deadline = Date.now() + ASSESSMENT_TIMEOUT_MS;
  for (;;) {
    const assessment = await client.request<AssessmentView>('GET', `/v1/assessments/${id}`);
    if (['succeeded', 'failed', 'cancelled'].includes(assessment.status)) {
      if (assessment.status !== 'succeeded') {
        throw new Error(`assessment ${id} ${assessment.status}: ${assessment.failure ?? ''}`);
      }
      return assessment;
    }
    if (Date.now() > deadline) {
      throw new Error(`assessment ${id} still ${assessment.status} after ${ASSESSMENT_TIMEOUT_MS} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** YAML files under a directory, in the order `kubeassay scan DIR` reads them. */
export function manifestFiles(directory: string): string[] {
  const entries = readdirSync(directory, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  return entries.flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      return manifestFiles(path);
    }
    return /\.ya?ml$/i.test(entry.name) ? [path] : [];
  });
}
