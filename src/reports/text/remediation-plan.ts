import type { ReportModel } from '../report-model';
import type { Prose } from './prose';

export const REMEDIATION_INTRO: Prose = `Quick wins first: each is a change to the workloads' own manifests (the application layer), with the YAML to
merge into them. Structural work changes the platform (RBAC design, admission policy, network policy, node
configuration) and needs planning with the team that runs the cluster.`;

export const QUICK_WINS = 'Quick wins';
export const STRUCTURAL_WORK = 'Structural work';

/** Each plan item's number by check: `Q3` for the third quick win, `S12` for the twelfth structural item. */
export function planItemNumbers(plan: ReportModel['remediation']): Map<string, string> {
  return new Map([
    ...plan.quickWins.map((item, index): [string, string] => [item.check.id, `Q${index + 1}`]),
    ...plan.structural.map((item, index): [string, string] => [item.check.id, `S${index + 1}`]),
  ]);
}

/** `item` as the rendering prints it: in Markdown, a link to that item. */
export function samePatchAs(item: string): Prose {
  return `The patch is the one shown for ${item}.`;
}
