import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { InputError } from '../../../engine/input-error';
import type { ClusterInfo, CoverageGap } from '../../../engine/inventory/inventory';

export enum SnapshotOrigin {
  /** Objects a user uploaded. */
  Upload = 'upload',
  /** Objects an assessment listed from the live cluster. */
  Collection = 'collection',
}

/**
 * An uploaded inventory, kept so an assessment is reproducible: the objects as gzip-compressed JSON (one
 * value, not a row per object, because it is only ever read whole by the worker).
 */
@Entity('snapshots')
@Index(['clusterId', 'createdAt'])
export class SnapshotEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId!: string;

  @Column({ type: 'uuid', name: 'cluster_id' })
  clusterId!: string;

  @Column({ type: 'integer', name: 'object_count' })
  objectCount!: number;

  @Column({ type: 'bigint', name: 'size_bytes' })
  sizeBytes!: string;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ type: 'bytea', select: false })
  content!: Buffer;

  @Column({ type: 'jsonb', name: 'input_errors', default: () => `'[]'` })
  inputErrors!: InputError[];

  @Column({ type: 'varchar', length: 20, default: SnapshotOrigin.Upload })
  origin!: SnapshotOrigin;

  /** Kinds a collection could not read, and why: the checks needing them are not evaluated. */
  @Column({ type: 'jsonb', name: 'coverage_gaps', default: () => `'[]'` })
  coverageGaps!: CoverageGap[];

  /** Server version and platform, when collected from a live cluster. */
  @Column({ type: 'jsonb', name: 'cluster_info', default: () => `'{}'` })
  clusterInfo!: ClusterInfo;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}
