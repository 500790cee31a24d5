import { fork } from 'node:child_process';
import autocannon from 'autocannon';

/** Load is generated in a child process, so autocannon never shares the servers' event loop. */

export const CONNECTIONS = 10;
export const WARMUP_SECONDS = 2;
export const MEASURE_SECONDS = 10;

export interface LoadSpec {
  title: string;
  url: string;
  headers: Record<string, string>;
}

export interface LoadResult {
  title: string;
  requestsPerSecond: number;
  requests: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  non2xx: number;
  errors: number;
  bytesPerSecond: number;
  /** CPU time of the server process (API, bare app and idle worker; all threads) per request measured. */
  serverCpuMsPerRequest: number;
}

type ClientResult = Omit<LoadResult, 'serverCpuMsPerRequest'>;
type LoadMessage = { measuring: true } | ClientResult;

async function runLoad(spec: LoadSpec): Promise<ClientResult> {
  const options = { url: spec.url, headers: spec.headers, connections: CONNECTIONS };
  await autocannon({ ...options, duration: WARMUP_SECONDS });
  process.send?.({ measuring: true } satisfies LoadMessage);
  const result = await autocannon({ ...options, duration: MEASURE_SECONDS });
  return {
    title: spec.title,
    // Total over the elapsed time: the per-second average also counts a partial last second.
    requestsPerSecond: result.requests.total / result.duration,
    requests: result.requests.total,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    bytesPerSecond: result.throughput.average,
  };
}

/** Warms up, then measures `spec` from a child process; the server's CPU is counted over the measurement. */
export function loadInChild(spec: LoadSpec): Promise<LoadResult> {
  const child = fork(__filename, [JSON.stringify(spec)], {
    execArgv: ['-r', require.resolve('ts-node/register/transpile-only')],
  });
  return new Promise<LoadResult>((resolve, reject) => {
    let result: LoadResult | undefined;
    let cpuStarted = process.cpuUsage();
    child.on('message', (message: LoadMessage) => {
      if ('measuring' in message) {
        cpuStarted = process.cpuUsage();
        return;
      }
      const cpu = process.cpuUsage(cpuStarted);
      result = { ...message, serverCpuMsPerRequest: (cpu.user + cpu.system) / 1000 / message.requests };
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (result === undefined) {
        reject(new Error(`load ${spec.title} exited with ${signal ?? `code ${code}`} before reporting`));
      } else if (result.non2xx > 0 || result.errors > 0) {
        reject(new Error(`load ${spec.title}: ${result.non2xx} non-2xx responses, ${result.errors} errors`));
      } else {
        resolve(result);
      }
    });
  });
}

if (require.main === module) {
  void runLoad(JSON.parse(process.argv[2] ?? '') as LoadSpec).then((result) =>
    process.send?.(result satisfies LoadMessage, undefined, {}, () => process.disconnect()),
  );
}
