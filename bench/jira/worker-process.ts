import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../src/app.module';
import { loadConfig } from '../../src/config/config';
import { cpuMs } from '../collect/child-process';

/** What the bench asks the worker over IPC. */
export type WorkerRequest = 'usage' | 'stop';

export interface WorkerUsage {
  /** CPU time of the worker process so far (user + system, all threads). */
  cpuMs: number;
  rssMiB: number;
}

/**
 * The worker (AppModule.worker) alone in this process, configured from the environment as `src/worker.ts` is. It
 * answers `usage` with its CPU time and stops on `stop` by closing the app and exiting normally, so that a
 * `--cpu-prof` profile is written (a worker killed by a signal writes none).
 */
async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(AppModule.worker(loadConfig()), { logger: false });
  process.on('message', (message: WorkerRequest) => {
    if (message === 'usage') {
      const usage: WorkerUsage = { cpuMs: cpuMs(), rssMiB: process.memoryUsage().rss / 2 ** 20 };
      process.send?.(usage);
    } else if (message === 'stop') {
      void app.close().finally(() => process.exit(0));
    }
  });
  process.send?.('ready');
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
