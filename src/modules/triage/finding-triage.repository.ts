import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TenantScope } from '../auth/caller';
import { FindingEntity } from '../findings/entities/finding.entity';
import type { TriageChange } from './triage-change';

/** The finding rows as triage changes them, inside a transaction the service holds. */
@Injectable()
export class FindingTriageRepository {
  /** The finding when the scope may see it, locked until the transaction ends (concurrent triage queues). */
  lockForScope(manager: EntityManager, scope: TenantScope, seq: string): Promise<FindingEntity | null> {
    const query = manager
      .getRepository(FindingEntity)
      .createQueryBuilder('finding')
      .setLock('pessimistic_write')
      .where('finding.seq = :seq', { seq });
    if (scope.kind === 'organization') {
      query.andWhere('finding.organizationId = :organizationId', { organizationId: scope.organizationId });
    }
    return query.getOne();
  }

  /** Writes the change on the row; a person's decision replaces an exception's acceptance, so the link goes. */
  async applyChange(
    manager: EntityManager,
    finding: FindingEntity,
    change: TriageChange,
  ): Promise<FindingEntity> {
    const fields = {
      status: change.status,
      justification: change.justification,
      expiresAt: change.expiresAt,
      exceptionId: null,
    };
    await manager.update(FindingEntity, { seq: finding.seq }, fields);
    return { ...finding, ...fields };
  }
}
