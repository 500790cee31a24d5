import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, IsNull, LessThan, Not, type Repository } from 'typeorm';
import { newestFirst, type Page, type PageRequest, toPage } from '../../common/http/paging';
import type { TenantScope } from '../auth/caller';
import { TicketFindingEntity } from './entities/ticket-finding.entity';
import {
  type TicketEntity as Ticket,
  TicketEntity,
  TicketStatus,
  TicketSyncStatus,
} from './entities/ticket.entity';

export type NewTicket = Pick<
  Ticket,
  | 'organizationId'
  | 'engagementId'
  | 'clusterId'
  | 'grouping'
  | 'groupKey'
  | 'check'
  | 'namespace'
  | 'workload'
  | 'title'
  | 'severity'
  | 'layer'
  | 'phase'
  | 'dueOn'
>;
export type NewTicketFinding = Omit<TicketFindingEntity, 'addedAt'>;

export interface TicketFilter {
  engagementId?: string;
  status?: TicketStatus;
}

/** Rows per INSERT of ticket findings: well under Postgres' 65,535 parameters. */
const FINDINGS_BATCH = 1_000;

@Injectable()
export class TicketRepository {
  constructor(@InjectRepository(TicketEntity) private readonly tickets: Repository<TicketEntity>) {}

  /** Runs `work` in a transaction holding the engagement's ticket lock: builds of one engagement never race. */
  withEngagementLock<T>(engagementId: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.tickets.manager.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('tickets:' || $1, 0))`, [
        engagementId,
      ]);
      return work(manager);
    });
  }

  /** The engagement's tickets still in progress (not verified), by cluster and group. */
  openOfEngagement(manager: EntityManager, engagementId: string): Promise<TicketEntity[]> {
    return manager.find(TicketEntity, { where: { engagementId, status: Not(TicketStatus.Verified) } });
  }

  insert(manager: EntityManager, ticket: NewTicket): Promise<TicketEntity> {
    return manager.save(manager.create(TicketEntity, { ...ticket, status: TicketStatus.Open }));
  }

  /** Adds the findings the ticket does not cover yet; returns how many were new. */
  async addFindings(manager: EntityManager, findings: readonly NewTicketFinding[]): Promise<number> {
    let added = 0;
    for (let start = 0; start < findings.length; start += FINDINGS_BATCH) {
      const result = await manager
        .createQueryBuilder()
        .insert()
        .into(TicketFindingEntity)
        .values(findings.slice(start, start + FINDINGS_BATCH))
        .orIgnore()
        .returning(['fingerprint'])
        .execute();
      added += (result.raw as unknown[]).length;
    }
    return added;
  }

  /**
   * Records that findings were added: a new revision, and a ticket already in Jira is owed a push (the
   * periodic catch-up sends it, or an explicit push sooner), so it never shows `synced` with a stale issue.
   */
  async revise(manager: EntityManager, ticketId: string): Promise<void> {
    await manager.query(
      `UPDATE tickets SET revision = revision + 1, updated_at = now(),
              sync_status = CASE WHEN jira_issue_key IS NULL THEN sync_status ELSE $2 END
        WHERE id = $1`,
      [ticketId, TicketSyncStatus.Queued],
    );
  }

  get manager(): EntityManager {
    return this.tickets.manager;
  }

  /** Every finding of the engagement's tickets, by ticket, in one query (the export). */
  async findingsOfEngagement(engagementId: string): Promise<Map<string, TicketFindingEntity[]>> {
    const rows = await this.tickets.manager
      .createQueryBuilder(TicketFindingEntity, 'finding')
      .innerJoin(TicketEntity, 'ticket', 'ticket.id = finding.ticket_id')
      .where('ticket.engagement_id = :engagementId', { engagementId })
      .orderBy('finding.resource_namespace')
      .addOrderBy('finding.resource_kind')
      .addOrderBy('finding.resource_name')
      .addOrderBy('finding.container')
      .getMany();
    const byTicket = new Map<string, TicketFindingEntity[]>();
    for (const row of rows) {
      byTicket.set(row.ticketId, [...(byTicket.get(row.ticketId) ?? []), row]);
    }
    return byTicket;
  }

  allOfEngagement(engagementId: string): Promise<TicketEntity[]> {
    return this.tickets.find({ where: { engagementId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Moves the ticket from one status to another; false when it was not in `from` (a repeat, or a race). */
  async moveStatus(id: string, from: TicketStatus, to: TicketStatus): Promise<boolean> {
    const result = await this.tickets.update({ id, status: from }, { status: to });
    return (result.affected ?? 0) > 0;
  }

  /** An open ticket whose issue was moved to Done at `at`: it waits for an assessment queued after that. */
  async resolve(id: string, at: Date, manager: EntityManager = this.tickets.manager): Promise<boolean> {
    const result = await manager.update(
      TicketEntity,
      { id, status: TicketStatus.Open },
      { status: TicketStatus.ResolvedPendingVerification, resolvedAt: at },
    );
    return (result.affected ?? 0) > 0;
  }

  /** A ticket whose issue left Done before any assessment verified it is open again. */
  async unresolve(id: string, manager: EntityManager = this.tickets.manager): Promise<boolean> {
    const result = await manager.update(
      TicketEntity,
      { id, status: TicketStatus.ResolvedPendingVerification },
      { status: TicketStatus.Open, resolvedAt: null },
    );
    return (result.affected ?? 0) > 0;
  }

  /**
   * The cluster's tickets moved to Done before the assessment was queued: only a run that started after the
   * fix was claimed may confirm or refute it.
   */
  pendingVerificationBefore(clusterId: string, queuedAt: Date): Promise<TicketEntity[]> {
    return this.tickets.find({
      where: { clusterId, status: TicketStatus.ResolvedPendingVerification, resolvedAt: LessThan(queuedAt) },
    });
  }

  /** Open tickets of the organization that have a Jira issue: the catch-up asks Jira which are Done. */
  openLinked(organizationId: string): Promise<TicketEntity[]> {
    return this.tickets.find({
      where: { organizationId, status: TicketStatus.Open, jiraIssueKey: Not(IsNull()) },
      order: { createdAt: 'ASC' },
    });
  }

  findById(id: string): Promise<TicketEntity | null> {
    return this.tickets.findOne({ where: { id } });
  }

  findForScope(scope: TenantScope, id: string): Promise<TicketEntity | null> {
    const where = scope.kind === 'organization' ? { id, organizationId: scope.organizationId } : { id };
    return this.tickets.findOne({ where });
  }

  findingsOf(ticketId: string): Promise<TicketFindingEntity[]> {
    return this.tickets.manager.find(TicketFindingEntity, {
      where: { ticketId },
      order: { resourceNamespace: 'ASC', resourceKind: 'ASC', resourceName: 'ASC', container: 'ASC' },
    });
  }

  async listForScope(
    scope: TenantScope,
    filter: TicketFilter,
    page: PageRequest,
  ): Promise<Page<TicketEntity>> {
    const query = this.tickets.createQueryBuilder('ticket');
    if (scope.kind === 'organization') {
      query.andWhere('ticket.organization_id = :scoped', { scoped: scope.organizationId });
    }
    if (filter.engagementId) {
      query.andWhere('ticket.engagement_id = :engagementId', { engagementId: filter.engagementId });
    }
    if (filter.status) {
      query.andWhere('ticket.status = :status', { status: filter.status });
    }
    return toPage(await newestFirst(query, 'tickets', page).getMany(), page);
  }
}
