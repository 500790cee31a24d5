import type { PushRound } from './push';
import type { Scenario } from './scenario';

/** The issue's target for 1,000 tickets against a Jira answering in 100 ms. */
export const RATE_TARGET = 20;

export interface Checks {
  issues: number;
  /** Tickets whose label is on exactly one issue. */
  ticketsWithOneIssue: number;
  overlappingWrites: string[];
}

const int = (value: number) => Math.round(value).toLocaleString('en-US');
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const verdict = (met: boolean) => (met ? 'meets' : 'MISSES');

function printTable(rounds: readonly PushRound[]): void {
  const columns: [string, (round: PushRound) => string][] = [
    ['push', (r) => r.title],
    ['tickets', (r) => int(r.tickets)],
    ['requests', (r) => int(r.requests)],
    ['jobs run', (r) => int(r.jobsRun)],
    ['enqueue', (r) => `${int(r.enqueueMs)} ms`],
    ['wall time', (r) => seconds(r.wallMs)],
    ['tickets/s', (r) => r.rate.toFixed(1)],
    ['Jira busy', (r) => (r.jiraSpanMs === null ? '' : seconds(r.jiraSpanMs))],
    ['Jira calls', (r) => int(r.jiraCalls)],
    ['calls/ticket', (r) => (r.jiraCalls / r.tickets).toFixed(2)],
    ['created', (r) => int(r.issuesCreated)],
    ['edited', (r) => int(r.issuesEdited)],
    ['failed', (r) => int(r.failed)],
    ['lease waits', (r) => int(r.delayedJobs)],
    ['worker CPU', (r) => seconds(r.workerCpuMs)],
    ['CPU/ticket', (r) => `${(r.workerCpuMs / r.tickets).toFixed(1)} ms`],
  ];
  const rows = [
    columns.map(([title]) => title),
    ...rounds.map((round) => columns.map(([, cell]) => cell(round))),
  ];
  const widths = columns.map((_, index) => Math.max(...rows.map((row) => (row[index] ?? '').length)));
  for (const row of rows) {
    console.log(row.map((cell, index) => cell.padStart(widths[index] ?? 0)).join('  '));
  }
}

export function printResults(
  scenario: Scenario,
  rounds: readonly PushRound[],
  checks: Checks,
  latencyMs: number,
): void {
  console.log(
    `\nJira push: ${int(scenario.tickets)} tickets (assessment ${seconds(scenario.assessMs)}, ` +
      `build ${seconds(scenario.buildMs)}), fake Jira answering after ${latencyMs} ms\n`,
  );
  printTable(rounds);
  for (const round of rounds) {
    const calls = Object.entries(round.callsByOperation)
      .map(([operation, count]) => `${operation} ${int(count)}`)
      .join(', ');
    console.log(`  ${round.title}: ${calls || 'no Jira call'}; ${round.jiraErrors} Jira errors`);
  }
  const [first, ...later] = rounds;
  if (first) {
    console.log(
      `\nfirst push: ${first.rate.toFixed(1)} issues/s (${verdict(first.rate >= RATE_TARGET)} the ≥ ${RATE_TARGET} ` +
        `issues/s target)`,
    );
  }
  console.log(
    `issues in Jira: ${int(checks.issues)}; tickets with exactly one issue: ${int(checks.ticketsWithOneIssue)}; ` +
      `issues created by later pushes: ${int(later.reduce((sum, round) => sum + round.issuesCreated, 0))}`,
  );
  console.log(
    `overlapping writes to one issue: ${checks.overlappingWrites.length === 0 ? 'none' : checks.overlappingWrites.join(', ')}`,
  );
}
