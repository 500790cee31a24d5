import { TicketGrouping } from './entities/ticket.entity';
import { groupOf, ticketTitle } from './ticket-grouping';

const finding = {
  check: 'run-as-root',
  resourceKind: 'Deployment',
  resourceNamespace: 'shop',
  resourceName: 'web',
};

describe('ticket grouping', () => {
  it('keys a finding by check, check and namespace, or check and workload', () => {
    expect(groupOf(finding, TicketGrouping.Check)).toEqual({
      key: 'run-as-root',
      namespace: null,
      workload: null,
    });
    expect(groupOf(finding, TicketGrouping.CheckNamespace)).toEqual({
      key: 'run-as-root|shop',
      namespace: 'shop',
      workload: null,
    });
    expect(groupOf(finding, TicketGrouping.Workload)).toEqual({
      key: 'run-as-root|shop|Deployment/web',
      namespace: 'shop',
      workload: 'Deployment/web',
    });
  });

  it('keeps cluster-scoped resources apart from namespaced ones', () => {
    const clusterScoped = {
      ...finding,
      resourceKind: 'ClusterRole',
      resourceNamespace: null,
      resourceName: 'web',
    };
    expect(groupOf(clusterScoped, TicketGrouping.CheckNamespace).key).toBe('run-as-root|');
  });

  it('titles a ticket with the check, where it applies and the cluster, within Jira’s 255 characters', () => {
    const meta = { title: 'Containers run as root' };
    expect(ticketTitle(meta, groupOf(finding, TicketGrouping.CheckNamespace), 'prod')).toBe(
      'Containers run as root in shop (prod)',
    );
    expect(ticketTitle(meta, groupOf(finding, TicketGrouping.Workload), 'prod')).toBe(
      'Containers run as root on Deployment/web in shop (prod)',
    );
    expect(ticketTitle(meta, groupOf(finding, TicketGrouping.Check), 'prod')).toBe(
      'Containers run as root across the cluster (prod)',
    );
    expect(
      ticketTitle({ title: 'x'.repeat(300) }, groupOf(finding, TicketGrouping.Check), 'prod'),
    ).toHaveLength(255);
  });
});
