import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { TriageDecisionEntity } from './entities/triage-decision.entity';

export type NewTriageDecision = Pick<
  TriageDecisionEntity,
  'organizationId' | 'clusterId' | 'fingerprint' | 'status' | 'justification' | 'expiresAt' | 'decidedBy'
>;

@Injectable()
export class TriageDecisionRepository {
  constructor(
    @InjectRepository(TriageDecisionEntity) private readonly decisions: Repository<TriageDecisionEntity>,
  ) {}

  /** The decisions in force at `now` for these fingerprints of the cluster, by fingerprint. */
  async inForce(
    clusterId: string,
    fingerprints: readonly string[],
    now: Date,
  ): Promise<Map<string, TriageDecisionEntity>> {
    if (fingerprints.length === 0) {
      return new Map();
    }
    const rows = await this.decisions
      .createQueryBuilder('decision')
      .where('decision.clusterId = :clusterId', { clusterId })
      .andWhere('decision.fingerprint = ANY(:fingerprints)', { fingerprints })
      .andWhere('(decision.expiresAt IS NULL OR decision.expiresAt > :now)', { now })
      .getMany();
    return new Map(rows.map((row) => [row.fingerprint, row]));
  }

  /** The cluster's one decision for the fingerprint, replacing any earlier one, inside the caller's transaction. */
  async record(manager: EntityManager, decision: NewTriageDecision): Promise<void> {
    await manager.query(
      `INSERT INTO triage_decisions
         (organization_id, cluster_id, fingerprint, status, justification, expires_at, decided_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (cluster_id, fingerprint) DO UPDATE SET
         status = EXCLUDED.status, justification = EXCLUDED.justification, expires_at = EXCLUDED.expires_at,
         decided_by = EXCLUDED.decided_by, updated_at = now()`,
      [
        decision.organizationId,
        decision.clusterId,
        decision.fingerprint,
        decision.status,
        decision.justification,
        decision.expiresAt,
        decision.decidedBy,
      ],
    );
  }

  /** Forgets the cluster's decision for the fingerprint (none is fine), inside the caller's transaction. */
  async withdraw(manager: EntityManager, clusterId: string, fingerprint: string): Promise<void> {
    await manager.delete(TriageDecisionEntity, { clusterId, fingerprint });
  }
}
