import { Agent, request } from 'node:http';

export interface TimedResponse {
  status: number;
  /** Request sent → last byte of the body received; parsing the body is not counted. */
  ms: number;
  bytes: number;
  body: string;
}

/**
 * GETs over one kept-alive connection, one at a time: the latency of each request alone, as a person paging
 * through findings sees it. Nothing else runs in this process while the API serves them (the worker has its
 * own process and is idle by then), so a kept-alive socket is never closed under a request.
 */
export class TimedGet {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });

  constructor(
    private readonly baseUrl: string,
    private readonly key: string,
  ) {}

  get(path: string): Promise<TimedResponse> {
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const outgoing = request(
        `${this.baseUrl}${path}`,
        { agent: this.agent, headers: { authorization: `Bearer ${this.key}` } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const ms = performance.now() - started;
            const body = Buffer.concat(chunks);
            resolve({
              status: response.statusCode ?? 0,
              ms,
              bytes: body.length,
              body: body.toString('utf8'),
            });
          });
        },
      );
      outgoing.on('error', reject);
      outgoing.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
