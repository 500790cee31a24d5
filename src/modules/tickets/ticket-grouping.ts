import type { CheckMeta } from '../../engine/model';
import { TicketGrouping } from './entities/ticket.entity';

/** What a finding contributes to its ticket's group. */
export interface GroupedFinding {
  check: string;
  resourceKind: string;
  resourceNamespace: string | null;
  resourceName: string;
}

export interface TicketGroup {
  key: string;
  namespace: string | null;
  workload: string | null;
}

/** The group a finding belongs to under a grouping; the key is stable, so rebuilding finds the same ticket. */
export function groupOf(finding: GroupedFinding, grouping: TicketGrouping): TicketGroup {
  const namespace = finding.resourceNamespace;
  switch (grouping) {
    case TicketGrouping.Check:
      return { key: finding.check, namespace: null, workload: null };
    case TicketGrouping.CheckNamespace:
      return { key: `${finding.check}|${namespace ?? ''}`, namespace, workload: null };
    case TicketGrouping.Workload: {
      const workload = `${finding.resourceKind}/${finding.resourceName}`;
      return { key: `${finding.check}|${namespace ?? ''}|${workload}`, namespace, workload };
    }
  }
}

const MAX_TITLE = 255;

/** "Containers run as root in shop" / "… on Deployment/web in shop" / "… (cluster-wide)". */
export function ticketTitle(meta: Pick<CheckMeta, 'title'>, group: TicketGroup, cluster: string): string {
  const where = group.workload
    ? `on ${group.workload}${group.namespace ? ` in ${group.namespace}` : ''}`
    : group.namespace
      ? `in ${group.namespace}`
      : 'across the cluster';
  const title = `${meta.title} ${where} (${cluster})`;
  return title.length <= MAX_TITLE ? title : `${title.slice(0, MAX_TITLE - 1)}…`;
}
