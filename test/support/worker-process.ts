import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import type { AppConfig } from '../../src/config/config';

const ROOT = join(__dirname, '..', '..');

/** Runs `src/worker.ts` as its own process against a test's database and queue prefix, as in production. */
export function spawnWorker(config: AppConfig): ChildProcess {
  return spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', join(ROOT, 'src', 'worker.ts')], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'],
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: config.databaseUrl,
      REDIS_URL: config.redisUrl,
      KUBEASSAY_QUEUE_PREFIX: config.queuePrefix,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

export async function stopWorker(worker: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (worker.exitCode !== null || worker.signalCode !== null) {
    return;
  }
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.kill(signal);
  await exited;
}
