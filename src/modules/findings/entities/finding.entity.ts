import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import type { FindingSource } from '../../../engine/finding';

/** A check failing on one resource (and container) in one assessment. */
@Entity('findings')
@Unique('uq_findings_assessment_fingerprint', ['assessmentId', 'fingerprint'])
@Index('ix_findings_assessment_seq', ['assessmentId', 'seq'])
@Index('ix_findings_assessment_severity', ['assessmentId', 'severity', 'seq'])
@Index('ix_findings_assessment_check', ['assessmentId', 'check', 'seq'])
@Index('ix_findings_assessment_namespace', ['assessmentId', 'resourceNamespace', 'seq'])
/** Triaged findings only: most findings are open, and an index of those would narrow nothing down. */
@Index('ix_findings_assessment_triaged', ['assessmentId', 'status', 'seq'], { where: `"status" <> 'open'` })
export class FindingEntity {
  /** Insertion order within an assessment: the cursor for paging. */
  @PrimaryColumn({ type: 'bigint', generated: 'increment' })
  seq!: string;

  @Column({ type: 'uuid', name: 'assessment_id' })
  assessmentId!: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId!: string;

  @Column({ type: 'uuid', name: 'cluster_id' })
  clusterId!: string;

  @Column({ type: 'varchar', length: 100 })
  check!: string;

  @Column({ type: 'varchar', length: 10 })
  severity!: string;

  @Column({ type: 'varchar', length: 20 })
  layer!: string;

  @Column({ type: 'varchar', length: 20 })
  phase!: string;

  @Column({ type: 'text', array: true })
  principles!: string[];

  @Column({ type: 'varchar', length: 200, name: 'resource_api_version' })
  resourceApiVersion!: string;

  @Column({ type: 'varchar', length: 200, name: 'resource_kind' })
  resourceKind!: string;

  @Column({ type: 'varchar', length: 253, name: 'resource_namespace', nullable: true })
  resourceNamespace!: string | null;

  @Column({ type: 'varchar', length: 253, name: 'resource_name' })
  resourceName!: string;

  @Column({ type: 'varchar', length: 253, nullable: true })
  container!: string | null;

  @Column({ type: 'text' })
  message!: string;

  @Column({ type: 'jsonb' })
  evidence!: { path: string; value?: unknown };

  @Column({ type: 'char', length: 32 })
  fingerprint!: string;

  @Column({ type: 'varchar', length: 20 })
  status!: string;

  @Column({ type: 'jsonb', nullable: true })
  source!: FindingSource | null;

  /** Why the finding is accepted or a false positive (a triage decision's or an exception's justification). */
  @Column({ type: 'text', nullable: true })
  justification!: string | null;

  /** When an accepted risk lapses. */
  @Column({ type: 'timestamptz', name: 'expires_at', nullable: true })
  expiresAt!: Date | null;

  /** The exception that accepted it, when one did. */
  @Column({ type: 'uuid', name: 'exception_id', nullable: true })
  exceptionId!: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}
