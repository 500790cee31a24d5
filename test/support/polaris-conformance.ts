import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseManifests } from '../../src/collectors/manifests/parse-manifests';
import type { Check } from '../../src/engine/check';
import { CheckStatus } from '../../src/engine/check-result';
import { scan } from '../../src/engine/scan';

/** Polaris' own fixtures (see its README): each case file is scanned alone, with only the mapped check. */
export const POLARIS_CORPUS = resolve(
  process.env['KUBEASSAY_POLARIS_CORPUS'] ?? join(__dirname, '../../../shared/conformance/polaris'),
);

interface CorpusEntry {
  check: string;
  file: string;
  expect: 'pass' | 'fail' | 'unknown';
  builtin: boolean;
  role: string;
}

interface PolarisCheck {
  id: string;
  builtin: boolean;
}

export type CaseOutcome =
  | 'true-positive'
  | 'true-negative'
  | 'false-positive'
  | 'false-negative'
  | 'not-applicable';

export interface CaseResult {
  file: string;
  expect: 'pass' | 'fail';
  outcome: CaseOutcome;
}

export interface CheckAgreement {
  polarisCheck: string;
  ourCheck: string | undefined;
  cases: CaseResult[];
  agreed: number;
}

export interface ConformanceReport {
  builtinChecks: number;
  mappedChecks: number;
  cases: number;
  agreed: number;
  checks: CheckAgreement[];
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(join(POLARIS_CORPUS, file), 'utf8')) as T;
}

function runCase(check: Check, entry: CorpusEntry): CaseResult {
  const expect = entry.expect as 'pass' | 'fail';
  const parsed = parseManifests(readFileSync(join(POLARIS_CORPUS, entry.file), 'utf8'), entry.file);
  const result = scan([check], { objects: parsed.objects });
  const checkResult = result.checks[0]!;
  let outcome: CaseOutcome;
  if (checkResult.status === CheckStatus.NotApplicable || checkResult.status === CheckStatus.NotEvaluated) {
    outcome = 'not-applicable';
  } else if (checkResult.status === CheckStatus.Failed) {
    outcome = expect === 'fail' ? 'true-positive' : 'false-positive';
  } else {
    outcome = expect === 'pass' ? 'true-negative' : 'false-negative';
  }
  return { file: entry.file, expect, outcome };
}

/** Scores the catalog against every built-in Polaris case, each with its one mapped check enabled. */
export function scorePolarisConformance(catalog: readonly Check[], only?: string): ConformanceReport {
  const polarisChecks = readJson<PolarisCheck[]>('checks.json').filter((check) => check.builtin);
  const entries = readJson<CorpusEntry[]>('index.json').filter(
    (entry) => entry.role === 'case' && entry.builtin && (entry.expect === 'pass' || entry.expect === 'fail'),
  );
  const checks: CheckAgreement[] = [];
  for (const polarisCheck of polarisChecks) {
    if (only && polarisCheck.id !== only) {
      continue;
    }
    const mapped = catalog.filter((check) => check.meta.references.polaris?.includes(polarisCheck.id));
    if (mapped.length > 1) {
      throw new Error(
        `Polaris check ${polarisCheck.id} is mapped by several checks: ${mapped.map((c) => c.meta.id).join(', ')}`,
      );
    }
    const ours = mapped[0];
    const cases = ours
      ? entries.filter((entry) => entry.check === polarisCheck.id).map((entry) => runCase(ours, entry))
      : [];
    checks.push({
      polarisCheck: polarisCheck.id,
      ourCheck: ours?.meta.id,
      cases,
      agreed: cases.filter((c) => c.outcome === 'true-positive' || c.outcome === 'true-negative').length,
    });
  }
  const mappedChecks = checks.filter((check) => check.ourCheck !== undefined);
  return {
    builtinChecks: polarisChecks.length,
    mappedChecks: mappedChecks.length,
    cases: mappedChecks.reduce((sum, check) => sum + check.cases.length, 0),
    agreed: mappedChecks.reduce((sum, check) => sum + check.agreed, 0),
    checks,
  };
}
