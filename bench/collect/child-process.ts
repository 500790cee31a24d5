import { type ChildProcess, fork } from 'node:child_process';

/** A bench module started in its own Node process (through ts-node), so its memory and CPU are its own. */
export function forkBench(
  modulePath: string,
  args: readonly string[] = [],
  nodeOptions: readonly string[] = [],
) {
  return fork(modulePath, [...args], {
    execArgv: [...nodeOptions, '-r', require.resolve('ts-node/register/transpile-only')],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

/** The next message the child sends that passes `accept`; rejects if the child exits first. */
export function nextMessage<T>(
  child: ChildProcess,
  accept: (message: unknown) => boolean = () => true,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onMessage = (message: unknown) => {
      if (accept(message)) {
        cleanup();
        resolve(message as T);
      }
    };
    const onExit = (code: number | null, signal: string | null) => {
      cleanup();
      reject(new Error(`the bench child exited with ${signal ?? `code ${code}`} before answering`));
    };
    const cleanup = () => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

/** Starts a one-shot measurement child, hands it its input, and returns what it reports. */
export async function measureInChild<I, R>(
  modulePath: string,
  input: I,
  nodeOptions: readonly string[] = [],
): Promise<R> {
  const child = forkBench(modulePath, [], nodeOptions);
  const result = nextMessage<R>(child);
  child.send(input as object);
  const measured = await result;
  await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null)));
  return measured;
}

/** Resident-set figures of this process, in MiB: now, and the kernel's high-water mark since it started. */
export function memoryMiB(): { rss: number; maxRss: number } {
  return {
    rss: process.memoryUsage().rss / 2 ** 20,
    maxRss: (process.resourceUsage().maxRSS * 1024) / 2 ** 20,
  };
}

/** CPU time of this process (user + system, all threads), in ms. */
export function cpuMs(since?: NodeJS.CpuUsage): number {
  const usage = process.cpuUsage(since);
  return (usage.user + usage.system) / 1000;
}
