import type { CollectionProgress } from '../../../collectors/kubernetes/collector';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { CheckResult } from '../../../engine/check-result';
import type { ExceptionReport } from '../../../engine/exceptions';
import type { InputError } from '../../../engine/input-error';
import type { CoverageGap } from '../../../engine/inventory/inventory';
import type { ScanSummary } from '../../../engine/scan';
import type { Scores } from '../../../engine/scoring';

export enum AssessmentStatus {
  Queued = 'queued',
  Running = 'running',
  Succeeded = 'succeeded',
  Failed = 'failed',
  Cancelled = 'cancelled',
}

export enum AssessmentStage {
  Queued = 'queued',
  Collecting = 'collecting',
  Evaluating = 'evaluating',
  Persisting = 'persisting',
  Scoring = 'scoring',
  Done = 'done',
}

export interface AssessmentProfile {
  layers?: string[];
  phases?: string[];
  frameworks?: string[];
  namespaces?: string[];
  checks?: string[];
}

/** Milliseconds spent per stage. */
export type StageTimings = Partial<Record<AssessmentStage, number>>;

/** One run of the catalog against one cluster for one engagement. */
@Entity('assessments')
@Index(['organizationId', 'createdAt'])
@Index(['clusterId', 'createdAt'])
export class AssessmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId!: string;

  @Column({ type: 'uuid', name: 'engagement_id' })
  engagementId!: string;

  @Column({ type: 'uuid', name: 'cluster_id' })
  clusterId!: string;

  @Column({ type: 'uuid', name: 'snapshot_id', nullable: true })
  snapshotId!: string | null;

  @Column({ type: 'varchar', length: 20 })
  status!: AssessmentStatus;

  @Column({ type: 'varchar', length: 20 })
  stage!: AssessmentStage;

  @Column({ type: 'smallint', default: 0 })
  progress!: number;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  profile!: AssessmentProfile;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  timings!: StageTimings;

  @Column({ type: 'jsonb', nullable: true })
  summary!: ScanSummary | null;

  @Column({ type: 'jsonb', nullable: true })
  scores!: Scores | null;

  @Column({ type: 'jsonb', name: 'check_results', nullable: true })
  checkResults!: CheckResult[] | null;

  @Column({ type: 'jsonb', name: 'coverage_gaps', default: () => `'[]'` })
  coverageGaps!: CoverageGap[];

  @Column({ type: 'jsonb', name: 'input_errors', default: () => `'[]'` })
  inputErrors!: InputError[];

  /** The exceptions in force for the run: applied, unused or expired (no longer applying). */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  exceptions!: ExceptionReport[];

  /** How far the collection of a live cluster has got: resources listed and objects read. */
  @Column({ type: 'jsonb', nullable: true })
  collection!: CollectionProgress | null;

  @Column({ type: 'text', nullable: true })
  failure!: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'started_at', nullable: true })
  startedAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'finished_at', nullable: true })
  finishedAt!: Date | null;
}
