import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Which resources an exception covers; every field given must match (globs for namespace and name). */
export interface ExceptionSelector {
  namespace?: string;
  kind?: string;
  name?: string;
  container?: string;
  labels?: Record<string, string>;
}

/**
 * A waiver: findings of one check on the selected resources become `accepted`, linked to it, in every
 * assessment of its organization (or of one cluster) until it expires or is deleted.
 */
@Entity('exceptions')
@Index(['organizationId', 'createdAt'])
export class ExceptionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId!: string;

  /** Null: every cluster of the organization. */
  @Column({ type: 'uuid', name: 'cluster_id', nullable: true })
  clusterId!: string | null;

  @Column({ type: 'varchar', length: 100 })
  check!: string;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  selector!: ExceptionSelector;

  @Column({ type: 'text' })
  justification!: string;

  @Column({ type: 'timestamptz', name: 'expires_at' })
  expiresAt!: Date;

  @Column({ type: 'uuid', name: 'created_by' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}
