import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export enum AuditOutcome {
  Success = 'success',
  Denied = 'denied',
  Failed = 'failed',
}

/** Who did what to which object, when, from where, and whether it succeeded. */
@Entity('audit_events')
@Index(['organizationId', 'seq'])
export class AuditEventEntity {
  @PrimaryColumn({ type: 'bigint', generated: 'increment' })
  seq!: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'occurred_at' })
  occurredAt!: Date;

  @Column({ type: 'uuid', name: 'key_id', nullable: true })
  keyId!: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  role!: string | null;

  /** The tenant the event belongs to (the target's organization, else the caller's). */
  @Column({ type: 'uuid', name: 'organization_id', nullable: true })
  organizationId!: string | null;

  @Column({ type: 'varchar', length: 100 })
  action!: string;

  @Column({ type: 'varchar', length: 50, name: 'target_type', nullable: true })
  targetType!: string | null;

  @Column({ type: 'varchar', length: 100, name: 'target_id', nullable: true })
  targetId!: string | null;

  @Column({ type: 'varchar', length: 10 })
  outcome!: AuditOutcome;

  @Column({ type: 'smallint' })
  status!: number;

  @Column({ type: 'varchar', length: 128, name: 'request_id' })
  requestId!: string;

  @Column({ type: 'varchar', length: 64, name: 'source_address', nullable: true })
  sourceAddress!: string | null;

  @Column({ type: 'varchar', length: 10 })
  method!: string;

  @Column({ type: 'varchar', length: 300 })
  path!: string;

  /** Ids that say more about the target, e.g. the share link a report was downloaded through. */
  @Column({ type: 'jsonb', nullable: true })
  details!: Record<string, string> | null;
}
