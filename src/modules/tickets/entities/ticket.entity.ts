import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Layer, Phase, Severity } from '../../../engine/model';

/** How findings are grouped into tickets; every grouping is within one cluster. */
export enum TicketGrouping {
  /** One check in one namespace (the default: one team usually owns a namespace). */
  CheckNamespace = 'check_namespace',
  Check = 'check',
  /** One check on one workload (its owner: Deployment, StatefulSet, …, or the resource itself). */
  Workload = 'workload',
}

export enum TicketStatus {
  Open = 'open',
  /** Its Jira issue was moved to Done: the next assessment of the cluster confirms or reopens it. */
  ResolvedPendingVerification = 'resolved_pending_verification',
  Verified = 'verified',
}

/** Where the ticket stands with its Jira issue. */
export enum TicketSyncStatus {
  NotPushed = 'not_pushed',
  /** A push is waiting or being retried (Jira slow, rate-limited or unreachable: `syncError` says why). */
  Queued = 'queued',
  Synced = 'synced',
  /** Jira refused the issue (a validation error): `syncError` has Jira's message. Fix the settings and push again. */
  Failed = 'failed',
}

/**
 * A remediation work item: the open findings of one check on one group of resources of one cluster. Building
 * tickets again adds new findings to the open ticket of the same group instead of creating another.
 */
@Entity('tickets')
@Index(['organizationId', 'createdAt'])
@Index(['engagementId', 'createdAt'])
@Index(['clusterId', 'status'])
@Index(['syncStatus', 'updatedAt'])
@Index('uq_tickets_open_group', ['engagementId', 'clusterId', 'grouping', 'groupKey'], {
  unique: true,
  where: `"status" <> 'verified'`,
})
export class TicketEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId!: string;

  @Column({ type: 'uuid', name: 'engagement_id' })
  engagementId!: string;

  @Column({ type: 'uuid', name: 'cluster_id' })
  clusterId!: string;

  @Column({ type: 'varchar', length: 20 })
  grouping!: TicketGrouping;

  /** The group within the grouping: the check, plus the namespace or the workload. */
  @Column({ type: 'varchar', length: 700, name: 'group_key' })
  groupKey!: string;

  @Column({ type: 'varchar', length: 100 })
  check!: string;

  @Column({ type: 'varchar', length: 253, nullable: true })
  namespace!: string | null;

  /** `Kind/name` of the workload, for the workload grouping. */
  @Column({ type: 'varchar', length: 460, nullable: true })
  workload!: string | null;

  @Column({ type: 'varchar', length: 255 })
  title!: string;

  @Column({ type: 'varchar', length: 10 })
  severity!: Severity;

  @Column({ type: 'varchar', length: 20 })
  layer!: Layer;

  @Column({ type: 'varchar', length: 20 })
  phase!: Phase;

  @Column({ type: 'date', name: 'due_on' })
  dueOn!: string;

  @Column({ type: 'varchar', length: 40 })
  status!: TicketStatus;

  /** Bumped whenever its content changes (findings added), so a push knows the tracker is behind. */
  @Column({ type: 'integer', default: 1 })
  revision!: number;

  @Column({ type: 'varchar', length: 20, name: 'sync_status', default: TicketSyncStatus.NotPushed })
  syncStatus!: TicketSyncStatus;

  @Column({ type: 'text', name: 'sync_error', nullable: true })
  syncError!: string | null;

  /** The Jira issue the ticket is pushed to, once it is. */
  @Column({ type: 'varchar', length: 100, name: 'jira_issue_key', nullable: true })
  jiraIssueKey!: string | null;

  /** Held while a worker writes to the ticket's Jira issue: writes to one issue never overlap. */
  @Column({ type: 'timestamptz', name: 'jira_lease_until', nullable: true })
  jiraLeaseUntil!: Date | null;

  /** Who holds the lease: only its holder releases or renews it. */
  @Column({ type: 'uuid', name: 'jira_lease_owner', nullable: true })
  jiraLeaseOwner!: string | null;

  /**
   * When a push last asked Jira to create the issue. A create whose answer was lost may not be searchable yet
   * (Jira's search index lags): a later push waits for it before creating again.
   */
  @Column({ type: 'timestamptz', name: 'jira_create_attempted_at', nullable: true })
  jiraCreateAttemptedAt!: Date | null;

  /** When its issue was moved to Done: only an assessment queued after that may verify the fix. */
  @Column({ type: 'timestamptz', name: 'resolved_at', nullable: true })
  resolvedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
