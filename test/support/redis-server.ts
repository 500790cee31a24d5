import { spawn } from 'node:child_process';
import { createServer, Socket } from 'node:net';

/** A TCP port on 127.0.0.1 that nothing listens on (at the moment of asking). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (accepted: boolean) => {
      socket.destroy();
      resolve(accepted);
    };
    socket.once('connect', () => done(true)).once('error', () => done(false));
    socket.connect(port, '127.0.0.1');
  });
}

export interface RedisServer {
  /** SIGKILL: the abrupt outage a crash or a network cut causes. */
  kill(): Promise<void>;
}

/** A throwaway redis-server without persistence on this port, for outage tests (redis-server must be on PATH). */
export async function startRedisServer(port: number): Promise<RedisServer> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', ''], {
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));
  for (let attempt = 0; !(await accepts(port)); attempt++) {
    if (spawnError || attempt > 100) {
      child.kill('SIGKILL');
      throw new Error(`redis-server did not start on port ${port}: ${spawnError?.message ?? 'timed out'}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Polls until the assertion passes (a dependency coming back takes a reconnect or two). */
export async function eventually(assertion: () => Promise<void>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() > deadline) {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
