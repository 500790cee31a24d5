import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../../common/http/paging';
import {
  type AssessmentEntity,
  type AssessmentProfile,
  AssessmentStage,
  AssessmentStatus,
  type StageTimings,
} from '../entities/assessment.entity';
import {
  AssessmentSummaryDto,
  CheckResultDto,
  CollectionProgressDto,
  ExceptionReportDto,
  CoverageGapDto,
  InputErrorDto,
} from './assessment-results.dto';
import { ScoreMatrixDto, ScoresDto } from './assessment-scores.dto';
import { AssessmentProfileDto } from './create-assessment.dto';

/** Milliseconds spent per stage of the run. */
export class StageTimingsDto {
  @ApiPropertyOptional() collecting?: number;
  @ApiPropertyOptional() evaluating?: number;
  @ApiPropertyOptional() persisting?: number;
  @ApiPropertyOptional() scoring?: number;
}

const dateOrNull = (date: Date | null) => date?.toISOString() ?? null;

export class AssessmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty({ format: 'uuid' }) engagementId!: string;
  @ApiProperty({ format: 'uuid' }) clusterId!: string;
  @ApiProperty({ format: 'uuid', type: String, nullable: true, description: 'The snapshot evaluated.' })
  snapshotId!: string | null;
  @ApiProperty({ enum: AssessmentStatus, enumName: 'AssessmentStatus' }) status!: AssessmentStatus;
  @ApiProperty({ enum: AssessmentStage, enumName: 'AssessmentStage' }) stage!: AssessmentStage;
  @ApiProperty({ minimum: 0, maximum: 100 }) progress!: number;
  @ApiProperty({
    type: CollectionProgressDto,
    nullable: true,
    description: 'Live clusters: resources and objects collected so far.',
  })
  collection!: CollectionProgressDto | null;
  @ApiProperty({ type: AssessmentProfileDto }) profile!: AssessmentProfile;
  @ApiProperty({ type: StageTimingsDto }) timings!: StageTimings;
  @ApiProperty({ format: 'date-time' }) queuedAt!: string;
  @ApiProperty({ format: 'date-time', type: String, nullable: true }) startedAt!: string | null;
  @ApiProperty({ format: 'date-time', type: String, nullable: true }) finishedAt!: string | null;
  @ApiProperty({ type: AssessmentSummaryDto, nullable: true }) summary!: AssessmentSummaryDto | null;
  @ApiProperty({ type: ScoreMatrixDto, nullable: true, description: 'scores.matrix: layer × phase.' })
  matrix!: ScoreMatrixDto | null;
  @ApiProperty({ type: ScoresDto, nullable: true }) scores!: ScoresDto | null;
  @ApiProperty({ type: [CheckResultDto], nullable: true }) checkResults!: CheckResultDto[] | null;
  @ApiProperty({ type: [CoverageGapDto] }) coverageGaps!: CoverageGapDto[];
  @ApiProperty({ type: [InputErrorDto] }) inputErrors!: InputErrorDto[];
  @ApiProperty({
    type: [ExceptionReportDto],
    description:
      'Exceptions covering the cluster at run time: applied, unused, or expired (no longer applying).',
  })
  exceptions!: ExceptionReportDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Why the run failed.' }) failure!: string | null;

  static from(entity: AssessmentEntity): AssessmentDto {
    return {
      id: entity.id,
      organizationId: entity.organizationId,
      engagementId: entity.engagementId,
      clusterId: entity.clusterId,
      snapshotId: entity.snapshotId,
      status: entity.status,
      stage: entity.stage,
      progress: entity.progress,
      collection: entity.collection,
      profile: entity.profile,
      timings: entity.timings,
      queuedAt: entity.createdAt.toISOString(),
      startedAt: dateOrNull(entity.startedAt),
      finishedAt: dateOrNull(entity.finishedAt),
      summary: entity.summary,
      matrix: entity.scores?.matrix ?? null,
      scores: entity.scores,
      checkResults: entity.checkResults,
      coverageGaps: entity.coverageGaps,
      inputErrors: entity.inputErrors,
      exceptions: entity.exceptions,
      failure: entity.failure,
    };
  }
}

export class AssessmentPageDto {
  @ApiProperty({ type: [AssessmentDto] }) items!: AssessmentDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class AssessmentQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  engagementId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  clusterId?: string;
}
