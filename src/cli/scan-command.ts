import { writeFile } from 'node:fs/promises';
import { loadPaths } from '../collectors/manifests/load-paths';
import { DEFAULT_PARSE_LIMITS } from '../collectors/manifests/limits';
import type { Check } from '../engine/check';
import { DEFAULT_EXEMPTIONS, type DefaultExemptions, NO_EXEMPTIONS } from '../engine/exemptions';
import type { ExceptionSpec } from '../engine/exceptions';
import { FindingStatus } from '../engine/finding';
import type { InputError } from '../engine/input-error';
import type { InventoryInput } from '../engine/inventory/inventory';
import type { Framework, Layer, Phase, Principle } from '../engine/model';
import { type Severity, severityRank } from '../engine/model';
import { scan, type ScanOptions, type ScanResult } from '../engine/scan';
import { selectChecks, UnknownCheckError } from '../engine/selection';
import { buildReport } from '../reports/build-report';
import { renderReport, type ReportFormat } from '../reports/render-report';
import { reportInputFromScan } from '../reports/scan-report-input';
import { renderJson } from './formats/json';
import { renderSarif } from './formats/sarif';
import type { CliIo } from './io';
import { loadExceptions } from './load-exceptions';
import { assessmentDate, type ReportFlags, reportParties, type ScannedCluster } from './report-parties';
import { ExitCode, UsageError } from './usage-error';

export type OutputFormat = 'json' | 'sarif' | ReportFormat;

export interface ScanCommandOptions extends ReportFlags {
  snapshot?: string;
  kubeconfig?: string;
  context?: string;
  format: OutputFormat;
  out?: string;
  check?: string[];
  layer?: Layer[];
  phase?: Phase[];
  principle?: Principle[];
  framework?: Framework[];
  minSeverity?: Severity;
  namespace?: string[];
  excludeNamespace?: string[];
  exceptions?: string;
  defaultExemptions: boolean;
  systemNamespaces?: string[];
  failOn?: Severity;
  maxFileSize: number;
}

function exemptions(options: ScanCommandOptions): DefaultExemptions {
  if (!options.defaultExemptions) {
    return NO_EXEMPTIONS;
  }
  return options.systemNamespaces
    ? { ...DEFAULT_EXEMPTIONS, namespaces: options.systemNamespaces }
    : DEFAULT_EXEMPTIONS;
}

function scanOptions(options: ScanCommandOptions, exceptions: readonly ExceptionSpec[]): ScanOptions {
  return {
    namespaces: {
      ...(options.namespace && { include: options.namespace }),
      ...(options.excludeNamespace && { exclude: options.excludeNamespace }),
    },
    exemptions: exemptions(options),
    exceptions,
  };
}

/** `file:line: code: message`, as compilers report errors. */
function inputErrorLine(error: InputError): string {
  const location = `${error.file ?? ''}${error.line !== undefined ? `:${error.line}` : ''}`;
  return `${location}: ${error.code}: ${error.message}`;
}

/** What was scanned: objects and coverage gaps, input errors, and the cluster as the source knows it. */
interface Scanned {
  input: InventoryInput;
  errors: InputError[];
  cluster: ScannedCluster;
}

async function render(
  result: ScanResult,
  checks: readonly Check[],
  scanned: Scanned,
  options: ScanCommandOptions,
  io: CliIo,
): Promise<string | Buffer> {
  switch (options.format) {
    case 'json':
      return renderJson(result);
    case 'sarif':
      return renderSarif(result, checks);
    default: {
      const parties = reportParties(options, scanned.cluster, assessmentDate(io.env ?? {}, new Date()));
      const input = {
        ...reportInputFromScan(result, checks, parties),
        coverageGaps: scanned.input.coverageGaps ?? [],
      };
      return renderReport(options.format, buildReport(input));
    }
  }
}

function exitCode(result: ScanResult, failOn: Severity | undefined): ExitCode {
  if (result.inputErrors.length > 0) {
    return ExitCode.UsageOrInputError;
  }
  const failing =
    failOn !== undefined &&
    result.findings.some(
      (finding) =>
        finding.status === FindingStatus.Open && severityRank(finding.severity) >= severityRank(failOn),
    );
  return failing ? ExitCode.FindingsAtThreshold : ExitCode.Clean;
}

function select(catalog: readonly Check[], options: ScanCommandOptions): Check[] {
  try {
    return selectChecks(catalog, {
      ...(options.check && { checks: options.check }),
      ...(options.layer && { layers: options.layer }),
      ...(options.phase && { phases: options.phase }),
      ...(options.principle && { principles: options.principle }),
      ...(options.framework && { frameworks: options.framework }),
      ...(options.minSeverity && { minSeverity: options.minSeverity }),
    });
  } catch (error) {
    if (error instanceof UnknownCheckError) {
      throw new UsageError(error.message);
    }
    throw error;
  }
}

/** The objects to evaluate: files and snapshots as read, or a live cluster's as collected (with its gaps). */
async function inventoryInput(
  paths: string[],
  options: ScanCommandOptions,
  checks: readonly Check[],
  io: CliIo,
): Promise<Scanned> {
  const inputs = [...paths, ...(options.snapshot ? [options.snapshot] : [])];
  if (options.kubeconfig !== undefined) {
    if (inputs.length > 0) {
      throw new UsageError('--kubeconfig collects from a cluster: give no files or --snapshot with it');
    }
    // Loaded on demand: the Kubernetes client takes longer to load than most scans of files take to run.
    const { collectLive } = await import('./live-cluster');
    const collection = await collectLive(options.kubeconfig, options.context, checks);
    for (const gap of collection.coverageGaps) {
      io.stderr.write(`kubeassay: coverage gap: ${gap.kind}: ${gap.reason}\n`);
    }
    const { version, platform } = collection.cluster;
    const cluster = { ...(version && { version }), ...(platform && { platform }) };
    return {
      input: {
        objects: collection.objects.map((object) => ({ object })),
        coverageGaps: collection.coverageGaps,
        cluster,
      },
      errors: [],
      cluster: { name: collection.context, ...cluster },
    };
  }
  if (options.context !== undefined) {
    throw new UsageError('--context is for --kubeconfig');
  }
  if (inputs.length === 0) {
    throw new UsageError(
      'nothing to scan: give files, directories, - for standard input, --snapshot FILE or --kubeconfig FILE',
    );
  }
  const loaded = await loadPaths(
    inputs,
    { ...DEFAULT_PARSE_LIMITS, maxFileBytes: options.maxFileSize },
    io.stdin,
  );
  return {
    input: { objects: loaded.objects },
    errors: loaded.errors,
    cluster: { name: inputs.map((input) => (input === '-' ? 'standard input' : input)).join(', ') },
  };
}

/** `kubeassay scan`: load manifests, a snapshot or a live cluster, evaluate, write the chosen format. */
export async function runScan(
  paths: string[],
  options: ScanCommandOptions,
  catalog: readonly Check[],
  io: CliIo,
): Promise<ExitCode> {
  const checks = select(catalog, options);
  const exceptions = options.exceptions ? await loadExceptions(options.exceptions, catalog) : [];
  const scanned = await inventoryInput(paths, options, checks, io);
  const result = scan(checks, scanned.input, scanOptions(options, exceptions));
  result.inputErrors.unshift(...scanned.errors);
  const output = await render(result, checks, scanned, options, io);
  if (options.out) {
    await writeFile(options.out, output);
  } else {
    io.stdout.write(output);
  }
  for (const error of result.inputErrors) {
    io.stderr.write(`kubeassay: ${inputErrorLine(error)}\n`);
  }
  return exitCode(result, options.failOn);
}
