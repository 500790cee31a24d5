import type { Check } from '../../engine/check';
import { CheckStatus } from '../../engine/check-result';
import { type Finding, FindingStatus } from '../../engine/finding';
import { Layer, Phase, severityRank, SEVERITIES_BY_RANK } from '../../engine/model';
import type { ScanResult } from '../../engine/scan';
import type { Score } from '../../engine/scoring';

const MAX_RESOURCES_PER_CHECK = 20;

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function resourceName(finding: Finding): string {
  const { resource } = finding;
  const name = `${resource.kind} ${resource.namespace ? `${resource.namespace}/` : ''}${resource.name}`;
  return finding.container ? `${name} (container ${finding.container})` : name;
}

function location(finding: Finding): string {
  if (!finding.source) {
    return '';
  }
  const template = finding.source.template ? ` (${finding.source.template})` : '';
  return `${finding.source.file}:${finding.source.line}${template}`;
}

function scoreCell(score: Score): string {
  if (score.score === null) {
    return '–';
  }
  const open = SEVERITIES_BY_RANK.map((severity) => score.findings[severity]).reduce((a, b) => a + b, 0);
  return `${score.score} (${open} open)`;
}

function matrix(result: ScanResult): string[] {
  const phases = Object.values(Phase);
  const lines = [`| layer \\ phase | ${phases.join(' | ')} |`, `|---|${phases.map(() => '---').join('|')}|`];
  for (const layer of Object.values(Layer)) {
    lines.push(
      `| ${layer} | ${phases.map((phase) => scoreCell(result.scores.matrix[layer][phase])).join(' | ')} |`,
    );
  }
  return lines;
}

function findingsByCheck(result: ScanResult, checks: readonly Check[]): string[] {
  const byCheck = new Map<string, Finding[]>();
  for (const finding of result.findings) {
    byCheck.set(finding.check, [...(byCheck.get(finding.check) ?? []), finding]);
  }
  const ordered = checks
    .filter((check) => byCheck.has(check.meta.id))
    .sort((a, b) => severityRank(b.meta.severity) - severityRank(a.meta.severity));
  const lines: string[] = [];
  for (const { meta } of ordered) {
    const findings = byCheck.get(meta.id)!;
    lines.push(
      '',
      `### ${meta.title} — \`${meta.id}\` (${meta.severity}, ${meta.layer} × ${meta.phase})`,
      '',
    );
    lines.push(
      meta.rationale,
      '',
      '| resource | finding | evidence | source | status |',
      '|---|---|---|---|---|',
    );
    for (const finding of findings.slice(0, MAX_RESOURCES_PER_CHECK)) {
      const status =
        finding.status === FindingStatus.Accepted ? `accepted (${finding.exception?.id ?? ''})` : 'open';
      lines.push(
        `| ${cell(resourceName(finding))} | ${cell(finding.message)} | \`${cell(finding.evidence.path)}\` | ${cell(location(finding))} | ${status} |`,
      );
    }
    if (findings.length > MAX_RESOURCES_PER_CHECK) {
      lines.push('', `…and ${findings.length - MAX_RESOURCES_PER_CHECK} more (all are in the JSON output).`);
    }
    lines.push('', `**Fix:** ${meta.remediation.text}`, '', '```yaml', meta.remediation.patch, '```');
  }
  return lines;
}

function notEvaluated(result: ScanResult): string[] {
  const skipped = result.checks.filter((check) => check.status === CheckStatus.NotEvaluated);
  if (skipped.length === 0) {
    return [];
  }
  return [
    '',
    '## Not evaluated',
    '',
    ...skipped.map((check) => `- \`${check.check}\`: ${check.reason ?? ''}`),
  ];
}

function inputErrors(result: ScanResult): string[] {
  if (result.inputErrors.length === 0) {
    return [];
  }
  return [
    '',
    '## Input errors',
    '',
    ...result.inputErrors.map(
      (error) =>
        `- ${error.file ?? ''}${error.line !== undefined ? `:${error.line}` : ''} \`${error.code}\` ${error.message}`,
    ),
  ];
}

function exceptions(result: ScanResult): string[] {
  if (result.exceptions.length === 0) {
    return [];
  }
  return [
    '',
    '## Exceptions',
    '',
    ...result.exceptions.map(
      (exception) =>
        `- \`${exception.id}\` (${exception.check}): ${exception.state}, ${exception.matched} finding(s)` +
        (exception.expires ? `, expires ${exception.expires.slice(0, 10)}` : ''),
    ),
  ];
}

/** A readable summary for terminals and pull requests. */
export function renderMarkdown(result: ScanResult, checks: readonly Check[]): string {
  const { summary } = result;
  const counts = SEVERITIES_BY_RANK.map((severity) => `${summary.findings[severity]} ${severity}`).join(', ');
  const lines = [
    '# Kubeassay scan',
    '',
    `Scanned ${summary.objects} objects (${summary.workloads} workloads) with ${result.checks.length} checks: ` +
      `${summary.checks.passed} passed, ${summary.checks.failed} failed, ${summary.checks.not_evaluated} not evaluated, ` +
      `${summary.checks.not_applicable} not applicable.`,
    '',
    `Open findings: ${counts}. Accepted by exceptions: ${summary.accepted}. Exempted system components: ${summary.exempted}.`,
    '',
    '## Layer × phase',
    '',
    'Score 0–100 per cell (severity-weighted share of evaluated checks that passed), with open findings.',
    '',
    ...matrix(result),
    '',
    '## Findings',
    ...(result.findings.length === 0 ? ['', 'None.'] : findingsByCheck(result, checks)),
    ...notEvaluated(result),
    ...exceptions(result),
    ...inputErrors(result),
  ];
  return `${lines.join('\n')}\n`;
}
