import { Readable } from 'node:stream';
import { runCli } from '../../src/cli/program';
import { catalog } from '../../src/engine/checks/catalog';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured streams, exactly as `bin/kubeassay` would run it. */
export async function kubeassay(argv: string[], stdin = ''): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, catalog, {
    stdin: Readable.from([Buffer.from(stdin)]),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}
