import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { Check } from '../engine/check';
import { Framework, Layer, Phase, Principle, Severity } from '../engine/model';
import { DomainError } from '../common/errors/domain-error';
import { REPORT_FORMATS } from '../reports/render-report';
import { VERSION } from '../version';
import { apiKeyCommand } from './api-key-command';
import { type CatalogFormat, renderCatalog } from './checks-command';
import { type CliIo, PROCESS_IO } from './io';
import { runScan, type ScanCommandOptions } from './scan-command';
import { ExitCode, UsageError } from './usage-error';

function list<T extends string>(allowed?: readonly T[]) {
  return (value: string, previous: T[] | undefined): T[] => {
    const items = value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
    const invalid = allowed ? items.filter((item) => !allowed.includes(item as T)) : [];
    if (invalid.length > 0) {
      throw new InvalidArgumentError(
        `unknown value ${invalid.join(', ')}; expected one of ${allowed!.join(', ')}`,
      );
    }
    return [...(previous ?? []), ...(items as T[])];
  };
}

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed <= 0) {
    throw new InvalidArgumentError('expected a positive whole number of bytes');
  }
  return parsed;
}

function scanCommand(catalog: readonly Check[], io: CliIo, setExit: (code: ExitCode) => void): Command {
  const severities = Object.values(Severity);
  return new Command('scan')
    .description('scan manifests, a directory, standard input (-), a cluster snapshot or a live cluster')
    .argument('[paths...]', 'files or directories (.yaml, .yml, .json), or - for standard input')
    .option('--snapshot <file>', 'a cluster snapshot: `kubectl get -o json|yaml` output')
    .option('--kubeconfig <file>', 'collect from the live cluster this kubeconfig points at (read-only)')
    .option('--context <name>', 'with --kubeconfig: the context to use instead of the current one')
    .addOption(
      new Option('--format <format>', 'output format: a report (md), or results (json, sarif)')
        .choices(['json', ...REPORT_FORMATS, 'sarif'])
        .default('md'),
    )
    .option('--out <file>', 'write the output to a file instead of standard output')
    .option('--client <name>', 'report: the client it is for', 'Unnamed client')
    .option('--cluster <name>', "report: the cluster's name (default: the context, or the files scanned)")
    .option('--consultancy <name>', 'report: who prepared it', 'Kubeassay')
    .option('--engagement <name>', 'report: the engagement it belongs to')
    .option('--confidentiality <text>', 'report: the marking on its cover and last line', 'Confidential')
    .option('--check <ids>', 'only these checks (comma-separated)', list())
    .option(
      '--layer <layers>',
      `only these layers: ${Object.values(Layer).join(', ')}`,
      list(Object.values(Layer)),
    )
    .option(
      '--phase <phases>',
      `only these phases: ${Object.values(Phase).join(', ')}`,
      list(Object.values(Phase)),
    )
    .option(
      '--principle <principles>',
      'only checks serving these principles',
      list(Object.values(Principle)),
    )
    .option('--framework <frameworks>', 'only checks citing these frameworks', list(Object.values(Framework)))
    .addOption(
      new Option('--min-severity <severity>', 'only checks of this severity or worse').choices(severities),
    )
    .option('--namespace <namespaces>', 'only these namespaces (cluster-scoped objects are kept)', list())
    .option('--exclude-namespace <namespaces>', 'leave these namespaces out', list())
    .option('--exceptions <file>', 'waivers: check, selector, justification, expiry (YAML or JSON)')
    .option('--no-default-exemptions', 'also report findings on system namespaces and system: objects')
    .option(
      '--system-namespaces <namespaces>',
      'namespaces exempted by default (default: kube-system, kube-public, kube-node-lease)',
      list(),
    )
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when an open finding is at or above this severity').choices(
        severities,
      ),
    )
    .option('--max-file-size <bytes>', 'largest file read', positiveInteger, 64 * 1024 * 1024)
    .action(async (paths: string[], options: ScanCommandOptions) => {
      setExit(await runScan(paths, options, catalog, io));
    });
}

function checksCommand(catalog: readonly Check[], io: CliIo): Command {
  return new Command('checks')
    .description('list the check catalog with its layer, phase, principles and framework references')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'md']).default('md'))
    .action((options: { format: CatalogFormat }) => {
      io.stdout.write(renderCatalog(catalog, options.format));
    });
}

/** Usage errors in any (sub)command end with our exit code and go to our streams. */
function overrideExits(command: Command, io: CliIo): void {
  command.exitOverride().configureOutput({
    writeOut: (text) => io.stdout.write(text),
    writeErr: (text) => io.stderr.write(text),
  });
  command.commands.forEach((child) => overrideExits(child, io));
}

/** Runs the CLI and resolves to its exit code: 0 clean, 1 findings at --fail-on, 2 usage or input error. */
export async function runCli(
  argv: readonly string[],
  catalog: readonly Check[],
  io: CliIo = PROCESS_IO,
): Promise<ExitCode> {
  let exitCode = ExitCode.Clean;
  const program = new Command('kubeassay')
    .description('Kubernetes security assessment: layers, lifecycle phases and principles')
    .version(VERSION)
    .showHelpAfterError()
    .addCommand(scanCommand(catalog, io, (code) => (exitCode = code)))
    .addCommand(checksCommand(catalog, io))
    .addCommand(apiKeyCommand(io));
  overrideExits(program, io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? ExitCode.Clean : ExitCode.UsageOrInputError;
    }
    if (error instanceof UsageError || error instanceof DomainError) {
      io.stderr.write(`kubeassay: ${error.message}\n`);
      return ExitCode.UsageOrInputError;
    }
    throw error;
  }
}
