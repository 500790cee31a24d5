import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { TriageDecisionEntity } from './entities/triage-decision.entity';

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
}
