import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ReportFileFormat } from '../report-file-format';

export enum ReportStatus {
  Queued = 'queued',
  Rendering = 'rendering',
  Ready = 'ready',
  Failed = 'failed',
}

/**
 * One rendering of one assessment. Immutable once ready: the content and its sha256 are written once, by the
 * update that makes it ready, and never again.
 */
@Entity('reports')
@Index(['organizationId', 'createdAt'])
@Index(['assessmentId', 'createdAt'])
export class ReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId!: string;

  @Column({ type: 'uuid', name: 'assessment_id' })
  assessmentId!: string;

  @Column({ type: 'uuid', name: 'engagement_id' })
  engagementId!: string;

  @Column({ type: 'uuid', name: 'cluster_id' })
  clusterId!: string;

  @Column({ type: 'varchar', length: 10 })
  format!: ReportFileFormat;

  /** The marking printed on every page ("Confidential" unless the request said otherwise). */
  @Column({ type: 'varchar', length: 100 })
  confidentiality!: string;

  @Column({ type: 'varchar', length: 20 })
  status!: ReportStatus;

  @Column({ type: 'text', nullable: true })
  failure!: string | null;

  @Column({ type: 'char', length: 64, nullable: true })
  sha256!: string | null;

  @Column({ type: 'integer', name: 'size_bytes', nullable: true })
  sizeBytes!: number | null;

  /** Read only by the download routes, never with the listing. */
  @Column({ type: 'bytea', nullable: true, select: false })
  content!: Buffer | null;

  /** The API key that asked for it. */
  @Column({ type: 'uuid', name: 'created_by' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'rendered_at', nullable: true })
  renderedAt!: Date | null;
}
