import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import type { TenantScope } from '../auth/caller';
import { ExceptionRepository } from '../exceptions/exception.repository';
import type { FindingEntity } from '../findings/entities/finding.entity';
import { TriageStatus } from '../findings/finding-status';
import { FindingTriageRepository } from './finding-triage.repository';
import { type TriageChange, type TriageRequest, triageChange } from './triage-change';
import { TriageDecisionRepository } from './triage-decision.repository';

/**
 * Triage of one finding, remembered for its cluster: the row changes now, and the decision (by fingerprint)
 * gives the same finding the same status in every later assessment of the cluster (see ADR 0008).
 */
@Injectable()
export class TriageService {
  constructor(
    @InjectDataSource() private readonly database: DataSource,
    private readonly findings: FindingTriageRepository,
    private readonly decisions: TriageDecisionRepository,
    private readonly exceptions: ExceptionRepository,
  ) {}

  /** Applies a triage request to the finding with this id (its seq); 404 when the scope cannot see it. */
  async triage(
    scope: TenantScope,
    seq: string,
    request: TriageRequest,
    decidedBy: string,
    now = new Date(),
  ): Promise<FindingEntity> {
    const change = triageChange(request, now);
    return this.database.transaction(async (manager) => {
      const finding = await this.findings.lockForScope(manager, scope, seq);
      if (!finding) {
        throw DomainError.notFound('finding');
      }
      if (change.status === TriageStatus.Open && finding.exceptionId !== null) {
        await this.refuseWhileExceptionHolds(finding.exceptionId, now);
      }
      const updated = await this.findings.applyChange(manager, finding, change);
      await this.remember(manager, finding, change, decidedBy);
      return updated;
    });
  }

  private async remember(
    manager: EntityManager,
    finding: FindingEntity,
    change: TriageChange,
    decidedBy: string,
  ): Promise<void> {
    if (change.status === TriageStatus.Open) {
      await this.decisions.withdraw(manager, finding.clusterId, finding.fingerprint);
      return;
    }
    await this.decisions.record(manager, {
      organizationId: finding.organizationId,
      clusterId: finding.clusterId,
      fingerprint: finding.fingerprint,
      status: change.status,
      justification: change.justification,
      expiresAt: change.expiresAt,
      decidedBy,
    });
  }

  /**
   * Reopening cannot outvote a waiver: the next run would accept the finding again. While the exception holds,
   * the caller is pointed at it instead (delete or narrow it); once it is gone or expired, reopening goes ahead.
   */
  private async refuseWhileExceptionHolds(exceptionId: string, now: Date): Promise<void> {
    if (await this.exceptions.isInForce(exceptionId, now)) {
      throw new DomainError(
        ErrorCode.FindingAcceptedByException,
        `the finding is accepted by exception ${exceptionId}: delete or narrow the exception to reopen it`,
        { exceptionId },
      );
    }
  }
}
