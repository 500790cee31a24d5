import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import type { AppConfig } from '../../src/config/config';
import { nextMessage } from '../collect/child-process';
import type { WorkerRequest, WorkerUsage } from './worker-process';

/** The catch-up round would re-queue tickets mid-push; it is kept out of the measurement. */
const CATCH_UP_SECONDS = 86_400;

/**
 * The worker in its own process, as in production: the ticket-sync consumers do not share an event loop with
 * the API and the fake Jira, and its CPU time is its own. Its address policy allows loopback (the fake Jira).
 */
export class JiraWorker {
  private constructor(private readonly child: ChildProcess) {}

  /** Starts the worker and waits until its queues are consumed; `profileDir` turns on `--cpu-prof`. */
  static async start(config: AppConfig, profileDir?: string): Promise<JiraWorker> {
    const child = fork(join(__dirname, 'worker-process.ts'), [], {
      execArgv: [
        ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
        '-r',
        require.resolve('ts-node/register/transpile-only'),
      ],
      env: {
        PATH: process.env['PATH'],
        NODE_ENV: config.environment,
        LOG_LEVEL: 'silent',
        DATABASE_URL: config.databaseUrl,
        REDIS_URL: config.redisUrl,
        KUBEASSAY_QUEUE_PREFIX: config.queuePrefix,
        KUBEASSAY_MIGRATIONS_RUN: 'false',
        KUBEASSAY_ALLOW_LOOPBACK_ADDRESSES: 'true',
        KUBEASSAY_TICKET_CATCH_UP_SECONDS: String(CATCH_UP_SECONDS),
      },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    await nextMessage(child, (message) => message === 'ready');
    return new JiraWorker(child);
  }

  async usage(): Promise<WorkerUsage> {
    const answer = nextMessage<WorkerUsage>(this.child, (message) => typeof message === 'object');
    this.child.send('usage' satisfies WorkerRequest);
    return answer;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) {
      return;
    }
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.send('stop' satisfies WorkerRequest);
    await exited;
  }
}
