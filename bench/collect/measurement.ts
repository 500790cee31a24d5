import { performance } from 'node:perf_hooks';
import { cpuMs, memoryMiB } from './child-process';

export interface Measurement {
  wallMs: number;
  /** CPU time of the measuring process over the same span (user + system, all threads). */
  cpuMs: number;
  /** RSS once the modules were loaded, just before the work started. */
  startRssMiB: number;
  /** The kernel's high-water mark of the process's RSS, read right after the work. */
  peakRssMiB: number;
}

/** Times `work` in this process, and reads its memory before and after. */
export async function measure<T>(work: () => Promise<T>): Promise<{ value: T; measurement: Measurement }> {
  const startRssMiB = memoryMiB().rss;
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  const value = await work();
  const measurement = {
    wallMs: performance.now() - started,
    cpuMs: cpuMs(cpuStarted),
    startRssMiB,
    peakRssMiB: memoryMiB().maxRss,
  };
  return { value, measurement };
}

/** Runs `measureWith` on the input the parent sends, reports its result, and lets the process end. */
export function answerOnce<I, R>(measureWith: (input: I) => Promise<R>): void {
  process.once('message', (input: I) => {
    measureWith(input).then(
      (result) => process.send?.(result as object, undefined, {}, () => process.disconnect()),
      (error: Error) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
