import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const STOP_TIMEOUT_MS = 10_000;

export type ServiceEntryPoint = 'main.ts' | 'worker.ts';

export interface ServiceProcess {
  /** Everything the process has written to stdout and stderr so far, in arrival order. */
  output(): string;
  /** Resolves once the output matches; rejects if the process exits first or the time runs out. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** SIGTERM, and waits for the exit so the last log lines are written (SIGKILL if it hangs). */
  stop(): Promise<void>;
}

/**
 * Runs an entry point of `src/` as its own process, as in production, with exactly this environment (nothing
 * inherited but PATH) and with its output captured: what a log collector would receive.
 */
export function spawnService(entry: ServiceEntryPoint, env: Record<string, string>): ServiceProcess {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', join(ROOT, 'src', entry)], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'], ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const append = (chunk: Buffer) => (output += chunk.toString('utf8'));
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const running = () => child.exitCode === null && child.signalCode === null;

  return {
    output: () => output,
    waitForOutput: async (pattern, timeoutMs = 30_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!pattern.test(output)) {
        if (!running() || Date.now() > deadline) {
          throw new Error(`${entry} did not write ${String(pattern)}; its output:\n${output}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    stop: async () => {
      if (running()) {
        const hung = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        child.kill('SIGTERM');
        await exited;
        clearTimeout(hung);
      }
      await exited;
    },
  };
}
