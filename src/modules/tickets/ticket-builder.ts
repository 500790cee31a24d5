import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { SEVERITIES_BY_RANK, type Severity, severityRank } from '../../engine/model';
import type { TenantScope } from '../auth/caller';
import { CheckCatalog } from '../checks/check-catalog';
import { EngagementRepository } from '../engagements/engagement.repository';
import type { TicketEntity, TicketGrouping } from './entities/ticket.entity';
import { OrganizationRepository } from '../organizations/organization.repository';
import { DEFAULT_REMEDIATION_SLA_DAYS, dueOn, type RemediationSla } from '../organizations/remediation-sla';
import { groupOf, type TicketGroup, ticketTitle } from './ticket-grouping';
import { type OpenFinding, TicketSourcesRepository } from './ticket-sources.repository';
import { type NewTicketFinding, TicketRepository } from './ticket.repository';

export interface TicketBuildRequest {
  grouping: TicketGrouping;
  minSeverity: Severity;
}

export interface TicketBuildResult {
  /** The engagement's organization (for the audit trail). */
  organizationId: string;
  created: number;
  /** Open tickets that took in new findings. */
  updated: number;
  unchanged: number;
  ticketIds: string[];
}

/** Where new tickets go and when they are due. */
interface BuildTarget {
  organizationId: string;
  engagementId: string;
  sla: RemediationSla;
  openedAt: Date;
}

interface Group {
  clusterId: string;
  group: TicketGroup;
  findings: OpenFinding[];
}

function groupKey(clusterId: string, grouping: TicketGrouping, key: string): string {
  return `${clusterId}\n${grouping}\n${key}`;
}

/** The findings by ticket group: one group per cluster and group key. */
function groupFindings(findings: readonly OpenFinding[], grouping: TicketGrouping): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const finding of findings) {
    const group = groupOf(finding, grouping);
    const key = groupKey(finding.clusterId, grouping, group.key);
    const entry = groups.get(key) ?? { clusterId: finding.clusterId, group, findings: [] };
    entry.findings.push(finding);
    groups.set(key, entry);
  }
  return groups;
}

function ticketFinding(ticketId: string, finding: OpenFinding): NewTicketFinding {
  return {
    ticketId,
    fingerprint: finding.fingerprint,
    resourceApiVersion: finding.resourceApiVersion,
    resourceKind: finding.resourceKind,
    resourceNamespace: finding.resourceNamespace,
    resourceName: finding.resourceName,
    container: finding.container,
    message: finding.message,
    assessmentId: finding.assessmentId,
  };
}

/** Turns an engagement's open findings into remediation tickets, adding to open tickets rather than duplicating them. */
@Injectable()
export class TicketBuilder {
  constructor(
    private readonly engagements: EngagementRepository,
    private readonly organizations: OrganizationRepository,
    private readonly sources: TicketSourcesRepository,
    private readonly tickets: TicketRepository,
    private readonly catalog: CheckCatalog,
  ) {}

  async build(
    scope: TenantScope,
    engagementId: string,
    request: TicketBuildRequest,
  ): Promise<TicketBuildResult> {
    const engagement = await this.engagements.findForScope(scope, engagementId);
    if (!engagement) {
      throw DomainError.notFound('engagement');
    }
    const severities = SEVERITIES_BY_RANK.filter(
      (severity) => severityRank(severity) >= severityRank(request.minSeverity),
    );
    const organization = await this.organizations.findForScope({ kind: 'all' }, engagement.organizationId);
    const target = {
      organizationId: engagement.organizationId,
      engagementId: engagement.id,
      sla: organization?.remediationSlaDays ?? DEFAULT_REMEDIATION_SLA_DAYS,
      openedAt: new Date(),
    };
    // Read under the lock: a build running at the same time cannot interleave an older picture.
    return this.tickets.withEngagementLock(engagement.id, async (manager) => {
      const findings = await this.sources.openFindings(engagement.organizationId, engagement.id, severities);
      const open = new Map(
        (await this.tickets.openOfEngagement(manager, engagement.id)).map((ticket) => [
          groupKey(ticket.clusterId, ticket.grouping, ticket.groupKey),
          ticket,
        ]),
      );
      const result: TicketBuildResult = {
        organizationId: engagement.organizationId,
        created: 0,
        updated: 0,
        unchanged: 0,
        ticketIds: [],
      };
      for (const [key, group] of groupFindings(findings, request.grouping)) {
        const existing = open.get(key);
        const ticket = existing ?? (await this.open(manager, target, request, group));
        const added = await this.tickets.addFindings(
          manager,
          group.findings.map((finding) => ticketFinding(ticket.id, finding)),
        );
        if (!existing) {
          result.created++;
        } else if (added > 0) {
          await this.tickets.revise(manager, ticket.id);
          result.updated++;
        } else {
          result.unchanged++;
        }
        result.ticketIds.push(ticket.id);
      }
      return result;
    });
  }

  private open(
    manager: EntityManager,
    target: BuildTarget,
    request: TicketBuildRequest,
    { clusterId, group, findings }: Group,
  ): Promise<TicketEntity> {
    const first = findings[0]!;
    const meta = this.catalog.meta(first.check);
    return this.tickets.insert(manager, {
      organizationId: target.organizationId,
      engagementId: target.engagementId,
      clusterId,
      grouping: request.grouping,
      groupKey: group.key,
      check: first.check,
      namespace: group.namespace,
      workload: group.workload,
      title: ticketTitle(meta ?? { title: first.check }, group, first.clusterName),
      severity: first.severity,
      layer: first.layer,
      phase: first.phase,
      dueOn: dueOn(target.openedAt, first.severity, target.sla),
    });
  }
}
