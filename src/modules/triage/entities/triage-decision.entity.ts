import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { TriageStatus } from '../../findings/finding-status';

/**
 * A consultant's decision on a finding, kept by fingerprint for the cluster: every later assessment of that
 * cluster gives the same finding the same status, until the decision expires or is reopened.
 */
@Entity('triage_decisions')
@Unique('uq_triage_decisions_cluster_fingerprint', ['clusterId', 'fingerprint'])
export class TriageDecisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId!: string;

  @Column({ type: 'uuid', name: 'cluster_id' })
  clusterId!: string;

  @Column({ type: 'char', length: 32 })
  fingerprint!: string;

  @Column({ type: 'varchar', length: 20 })
  status!: TriageStatus.Accepted | TriageStatus.FalsePositive;

  @Column({ type: 'text' })
  justification!: string;

  /** Accepted risks expire; false positives do not. */
  @Column({ type: 'timestamptz', name: 'expires_at', nullable: true })
  expiresAt!: Date | null;

  /** The API key that decided. */
  @Column({ type: 'uuid', name: 'decided_by' })
  decidedBy!: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
