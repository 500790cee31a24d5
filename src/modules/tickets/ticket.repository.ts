import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Not, type Repository } from 'typeorm';
import { newestFirst, type Page, type PageRequest, toPage } from '../../common/http/paging';
import type { TenantScope } from '../auth/caller';
import { TicketFindingEntity } from './entities/ticket-finding.entity';
import { type TicketEntity as Ticket, TicketEntity, TicketStatus } from './entities/ticket.entity';

export type NewTicket = Omit<
  Ticket,
  'id' | 'status' | 'revision' | 'syncStatus' | 'syncError' | 'jiraLeaseUntil' | 'createdAt' | 'updatedAt'
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

  /** Records that findings were added: the tracker's copy is behind until the next push. */
  async revise(manager: EntityManager, ticketId: string): Promise<void> {
    await manager.update(TicketEntity, { id: ticketId }, { revision: () => 'revision + 1' });
  }

  allOfEngagement(engagementId: string): Promise<TicketEntity[]> {
    return this.tickets.find({ where: { engagementId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Moves the ticket from one status to another; false when it was not in `from` (a repeat, or a race). */
  async moveStatus(id: string, from: TicketStatus, to: TicketStatus): Promise<boolean> {
    const result = await this.tickets.update({ id, status: from }, { status: to });
    return (result.affected ?? 0) > 0;
  }

  /** The cluster's tickets whose issues were moved to Done: the assessment just finished confirms or reopens them. */
  pendingVerification(clusterId: string): Promise<TicketEntity[]> {
    return this.tickets.find({ where: { clusterId, status: TicketStatus.ResolvedPendingVerification } });
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
