import { runCli } from './cli/program';
import { catalog } from './engine/checks/catalog';

runCli(process.argv.slice(2), catalog).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `kubeassay: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 2;
  },
);
