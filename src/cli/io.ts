/** The CLI's standard streams, injectable so tests run it in-process. */
export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

export const PROCESS_IO: CliIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
