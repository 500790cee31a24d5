import type { Check, CheckReporter, CheckRun, Violation } from './check';
import { type CheckResult, CheckStatus } from './check-result';
import { type DefaultExemptions, DEFAULT_EXEMPTIONS, isExempt } from './exemptions';
import { type ExceptionReport, ExceptionSet, type ExceptionSpec } from './exceptions';
import {
  type Finding,
  type FindingSource,
  fingerprint,
  FindingStatus,
  type ResourceRef,
  resourceRef,
  stableDetail,
} from './finding';
import { type InputError, InputErrorCode } from './input-error';
import { Inventory, type InventoryInput } from './inventory/inventory';
import type { KubeObject } from './kube-types';
import { inNamespaceScope, type NamespaceScope } from './namespace-scope';
import { type CheckSelection, selectChecks } from './selection';
import { emptySeverityCounts, score, type Scores, type SeverityCounts } from './scoring';

export interface ScanOptions {
  selection?: CheckSelection;
  namespaces?: NamespaceScope;
  exemptions?: DefaultExemptions;
  exceptions?: readonly ExceptionSpec[];
  /** Scopes fingerprints (a cluster id in the service); empty for the CLI. */
  fingerprintScope?: string;
  now?: Date;
}

export interface ScanSummary {
  objects: number;
  workloads: number;
  findings: SeverityCounts;
  accepted: number;
  exempted: number;
  checks: Record<CheckStatus, number>;
}

export interface ScanResult {
  findings: Finding[];
  checks: CheckResult[];
  inputErrors: InputError[];
  exceptions: ExceptionReport[];
  summary: ScanSummary;
  scores: Scores;
}

class FindingCollector implements CheckReporter {
  readonly findings: Finding[] = [];
  readonly failures: InputError[] = [];
  private readonly seen = new Set<string>();
  private open = 0;
  private accepted = 0;
  private exempted = 0;

  constructor(
    private readonly inventory: Inventory,
    private readonly options: Required<Pick<ScanOptions, 'exemptions' | 'fingerprintScope'>>,
    private readonly exceptions: ExceptionSet,
  ) {}

  private check!: Check;

  start(check: Check): void {
    this.check = check;
    this.open = 0;
    this.accepted = 0;
    this.exempted = 0;
  }

  violation(resource: KubeObject, violation: Violation): void {
    const { meta } = this.check;
    if (!meta.inspectsSystemComponents && isExempt(resource, this.options.exemptions)) {
      this.exempted++;
      return;
    }
    const ref = resourceRef(resource);
    const exception = this.exceptions.match(meta.id, resource, violation.container);
    const finding: Finding = {
      check: meta.id,
      title: meta.title,
      severity: meta.severity,
      layer: meta.layer,
      phase: meta.phase,
      principles: meta.principles,
      resource: ref,
      ...(violation.container !== undefined && { container: violation.container }),
      message: violation.message,
      evidence:
        violation.value === undefined
          ? { path: violation.path }
          : { path: violation.path, value: violation.value },
      remediation: meta.remediation,
      fingerprint: this.uniqueFingerprint(ref, violation),
      status: exception ? FindingStatus.Accepted : FindingStatus.Open,
      ...(exception && { exception }),
    };
    const source = this.findingSource(resource, violation.path);
    if (source) {
      finding.source = source;
    }
    if (exception) {
      this.accepted++;
    } else {
      this.open++;
    }
    this.findings.push(finding);
  }

  /** The finding's fingerprint; a second finding with the same detail gets `#2` appended, and so on. */
  private uniqueFingerprint(resource: ResourceRef, violation: Violation): string {
    const detail = violation.detail ?? stableDetail(violation.path);
    const printOf = (suffix: string) =>
      fingerprint({
        scope: this.options.fingerprintScope,
        check: this.check.meta.id,
        resource,
        container: violation.container,
        detail: `${detail}${suffix}`,
      });
    let print = printOf('');
    for (let occurrence = 2; this.seen.has(print); occurrence++) {
      print = printOf(`#${occurrence}`);
    }
    this.seen.add(print);
    return print;
  }

  /** Where the evidence is written in the scanned files, when the resource came from one. */
  private findingSource(resource: KubeObject, path: string): FindingSource | undefined {
    const source = this.inventory.sourceOf(resource);
    if (!source) {
      return undefined;
    }
    return {
      file: source.file,
      line: source.lineOf?.(path) ?? source.line,
      ...(source.template !== undefined && { template: source.template }),
    };
  }

  failure(resource: KubeObject, error: unknown): void {
    const ref = resourceRef(resource);
    const source = this.inventory.sourceOf(resource);
    this.failures.push({
      code: InputErrorCode.CheckFailed,
      message: `check ${this.check.meta.id} could not evaluate ${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}: ${error instanceof Error ? error.message : String(error)}`,
      ...(source && { file: source.file, line: source.line }),
    });
  }

  result(run: CheckRun): CheckResult {
    const base = {
      check: this.check.meta.id,
      findings: this.open,
      accepted: this.accepted,
      exempted: this.exempted,
    };
    if ('notEvaluated' in run) {
      return { ...base, status: CheckStatus.NotEvaluated, evaluated: 0, reason: run.notEvaluated };
    }
    const status =
      this.open > 0
        ? CheckStatus.Failed
        : run.evaluated === 0
          ? CheckStatus.NotApplicable
          : CheckStatus.Passed;
    return { ...base, status, evaluated: run.evaluated };
  }
}

/** Evaluates the selected checks of a catalog over objects from any source. A pure function of its input. */
export function scan(
  catalog: readonly Check[],
  input: InventoryInput,
  options: ScanOptions = {},
): ScanResult {
  const checks = selectChecks(catalog, options.selection);
  const objects = [...input.objects].filter(inNamespaceScope(options.namespaces ?? {}));
  const inventory = new Inventory({ ...input, objects });
  const exceptions = new ExceptionSet(options.exceptions ?? [], options.now ?? new Date());
  const collector = new FindingCollector(
    inventory,
    {
      exemptions: options.exemptions ?? DEFAULT_EXEMPTIONS,
      fingerprintScope: options.fingerprintScope ?? '',
    },
    exceptions,
  );
  const results: CheckResult[] = [];
  for (const check of checks) {
    collector.start(check);
    results.push(collector.result(check.run(inventory, collector)));
  }
  return {
    findings: collector.findings,
    checks: results,
    inputErrors: collector.failures,
    exceptions: exceptions.report(),
    summary: summarize(inventory, collector.findings, results),
    scores: score(checks, results, collector.findings),
  };
}

function summarize(
  inventory: Inventory,
  findings: readonly Finding[],
  results: readonly CheckResult[],
): ScanSummary {
  const counts = emptySeverityCounts();
  let accepted = 0;
  for (const finding of findings) {
    if (finding.status === FindingStatus.Open) {
      counts[finding.severity]++;
    } else {
      accepted++;
    }
  }
  const checks = { passed: 0, failed: 0, not_evaluated: 0, not_applicable: 0 } as Record<CheckStatus, number>;
  let exempted = 0;
  for (const result of results) {
    checks[result.status]++;
    exempted += result.exempted;
  }
  return {
    objects: inventory.size,
    workloads: inventory.workloads.length,
    findings: counts,
    accepted,
    exempted,
    checks,
  };
}
