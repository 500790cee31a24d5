import type { ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import type { AppConfig } from '../../src/config/config';
import { spawnWorker, stopWorker } from '../../test/support/worker-process';

/** The worker as its own process, as in production, so its memory is its own and can be read from outside. */
export class WorkerProcess {
  private readonly child: ChildProcess;

  constructor(config: AppConfig) {
    this.child = spawnWorker(config);
  }

  /**
   * The kernel's high-water mark of the worker's RSS (VmHWM) since it started or since the last reset; Linux
   * only, read from outside so it costs the worker nothing.
   */
  peakRssMiB(): number {
    const status = readFileSync(`/proc/${this.pid()}/status`, 'utf8');
    const kib = /^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1];
    if (kib === undefined) {
      throw new Error(`no VmHWM in /proc/${this.pid()}/status`);
    }
    return Number(kib) / 1024;
  }

  /** Starts a new high-water mark at the current RSS (`5` to clear_refs), so each run's peak is its own. */
  resetPeakRss(): void {
    writeFileSync(`/proc/${this.pid()}/clear_refs`, '5');
  }

  stop(): Promise<void> {
    return stopWorker(this.child, 'SIGTERM');
  }

  private pid(): number {
    if (this.child.pid === undefined || this.child.exitCode !== null) {
      throw new Error(`the worker process is not running (exit code ${String(this.child.exitCode)})`);
    }
    return this.child.pid;
  }
}
