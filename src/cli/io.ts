/** The CLI's standard streams and environment, injectable so tests run it in-process. */
export interface CliIo {
  stdin: NodeJS.ReadableStream;
  /** Text, or the bytes of a binary report. */
  stdout: { write(output: string | Uint8Array): unknown };
  stderr: { write(text: string): unknown };
  /** The environment the CLI reads (only `SOURCE_DATE_EPOCH`); none when absent. */
  env?: Readonly<Record<string, string | undefined>>;
}

export const PROCESS_IO: CliIo = {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
};
