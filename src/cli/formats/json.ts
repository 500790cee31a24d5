import type { ScanResult } from '../../engine/scan';
import { VERSION } from '../../version';

/** The machine-readable result: every finding with evidence, every check's status, input errors, scores. */
export function renderJson(result: ScanResult): string {
  return `${JSON.stringify(
    {
      tool: { name: 'kubeassay', version: VERSION },
      summary: result.summary,
      scores: result.scores,
      checks: result.checks,
      findings: result.findings,
      inputErrors: result.inputErrors,
      exceptions: result.exceptions,
    },
    null,
    2,
  )}\n`;
}
