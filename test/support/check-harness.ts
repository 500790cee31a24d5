import { parseManifests } from '../../src/collectors/manifests/parse-manifests';
import type { Check } from '../../src/engine/check';
import type { CheckResult } from '../../src/engine/check-result';
import type { Finding } from '../../src/engine/finding';
import type { CoverageGap } from '../../src/engine/inventory/inventory';
import { scan, type ScanOptions } from '../../src/engine/scan';

export interface CheckOutcome {
  findings: Finding[];
  result: CheckResult;
}

/** Runs one check over YAML manifests, as the CLI would (default exemptions on). */
export function runCheck(
  check: Check,
  manifests: string,
  options: ScanOptions & { coverageGaps?: CoverageGap[]; clusterVersion?: string } = {},
): CheckOutcome {
  const parsed = parseManifests(manifests, 'test.yaml');
  if (parsed.errors.length > 0) {
    throw new Error(`test manifests do not parse: ${JSON.stringify(parsed.errors)}`);
  }
  const { coverageGaps, clusterVersion, ...scanOptions } = options;
  const result = scan(
    [check],
    {
      objects: parsed.objects,
      ...(coverageGaps && { coverageGaps }),
      ...(clusterVersion && { cluster: { version: clusterVersion } }),
    },
    scanOptions,
  );
  return { findings: result.findings, result: result.checks[0]! };
}
