import { ApiProperty } from '@nestjs/swagger';
import { AssessmentSummaryDto, SeverityCountsDto } from '../../../assessments/dto/assessment-results.dto';
import { ScoreMatrixDto } from '../../../assessments/dto/assessment-scores.dto';
import { AssessmentStatus } from '../../../assessments/entities/assessment.entity';

export enum ClusterSelection {
  /** The engagement's scope names its clusters. */
  Scope = 'scope',
  /** No scope: the organization's clusters assessed in the engagement. */
  Assessed = 'assessed',
}

export class AssessmentBriefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: AssessmentStatus, enumName: 'AssessmentStatus' }) status!: AssessmentStatus;
  @ApiProperty({ format: 'date-time' }) queuedAt!: string;
  @ApiProperty({ format: 'date-time', type: String, nullable: true }) finishedAt!: string | null;
  @ApiProperty({ type: AssessmentSummaryDto, nullable: true, description: 'Set once the run succeeded.' })
  summary!: AssessmentSummaryDto | null;
  @ApiProperty({
    type: ScoreMatrixDto,
    nullable: true,
    description: 'Its layer × phase matrix (scores.matrix).',
  })
  matrix!: ScoreMatrixDto | null;
}

/** One succeeded assessment on a cluster's trend line. */
export class TrendPointDto {
  @ApiProperty({ format: 'uuid' }) assessmentId!: string;
  @ApiProperty({ format: 'date-time' }) queuedAt!: string;
  @ApiProperty({ format: 'date-time', type: String, nullable: true }) finishedAt!: string | null;
  @ApiProperty({ type: SeverityCountsDto, description: 'Open findings by severity (summary.findings).' })
  findings!: SeverityCountsDto;
  @ApiProperty({ type: Number, nullable: true, description: 'The overall score (scores.overall.score).' })
  score!: number | null;
}

export class EngagementClusterSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({
    type: AssessmentBriefDto,
    nullable: true,
    description: "The cluster's last queued assessment in the engagement, whatever its status.",
  })
  latestAssessment!: AssessmentBriefDto | null;
  @ApiProperty({
    type: AssessmentBriefDto,
    nullable: true,
    description: 'Its last succeeded one: what the engagement matrix counts.',
  })
  latestSucceededAssessment!: AssessmentBriefDto | null;
  @ApiProperty({
    type: [TrendPointDto],
    description: "The engagement's succeeded assessments, oldest first.",
  })
  trend!: TrendPointDto[];
}

export class EngagementSummaryDto {
  @ApiProperty({ format: 'uuid' }) engagementId!: string;
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty({
    enum: ClusterSelection,
    enumName: 'ClusterSelection',
    description:
      "`scope`: the clusters the engagement's scope names; `assessed`: no scope, so the organization's " +
      'clusters with an assessment in the engagement.',
  })
  clustersFrom!: ClusterSelection;
  @ApiProperty({ type: [EngagementClusterSummaryDto], description: 'By name.' })
  clusters!: EngagementClusterSummaryDto[];
  @ApiProperty({
    type: ScoreMatrixDto,
    nullable: true,
    description:
      "Engagement-wide layer × phase matrix over each cluster's latest succeeded assessment: check counts and " +
      'open findings summed per cell, score the lowest cluster score of the cell (null when no cluster ' +
      'evaluated a check there). Null when no cluster has a succeeded assessment.',
  })
  matrix!: ScoreMatrixDto | null;
  @ApiProperty({ type: [String], format: 'uuid', description: 'The assessments the matrix combines.' })
  matrixAssessmentIds!: string[];
}
