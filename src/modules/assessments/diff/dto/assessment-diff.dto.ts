import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { Layer, Phase, Severity } from '../../../../engine/model';
import { ResourceRefDto } from '../../../findings/dto/finding.dto';
import { TriageStatus } from '../../../findings/finding-status';

export const DEFAULT_DIFF_ITEMS = 100;
export const MAX_DIFF_ITEMS = 500;

export class AssessmentDiffQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The baseline: a succeeded assessment of the same cluster queued before this one. Default: the ' +
      "cluster's last succeeded assessment before this one (any engagement).",
  })
  @IsOptional()
  @IsUUID()
  against?: string;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_DIFF_ITEMS,
    default: DEFAULT_DIFF_ITEMS,
    description: 'Findings listed per category (the first ones by id); counts always cover all.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_DIFF_ITEMS)
  limit?: number;
}

/** A finding as the comparison lists it; GET …/findings has its evidence and remediation. */
export class DiffFindingDto {
  @ApiProperty({ description: 'The finding id in the assessment it belongs to (see the category).' })
  id!: string;
  @ApiProperty() check!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: Severity, enumName: 'Severity' }) severity!: Severity;
  @ApiProperty({ enum: Layer, enumName: 'Layer' }) layer!: Layer;
  @ApiProperty({ enum: Phase, enumName: 'Phase' }) phase!: Phase;
  @ApiProperty({ type: ResourceRefDto }) resource!: ResourceRefDto;
  @ApiPropertyOptional() container?: string;
  @ApiProperty() message!: string;
  @ApiProperty({ description: 'Stable across assessments of the cluster: what the comparison matches on.' })
  fingerprint!: string;
  @ApiProperty({ enum: TriageStatus, enumName: 'TriageStatus' }) status!: TriageStatus;
}

export class DiffCategoryDto {
  @ApiProperty({ description: 'Findings in this category.' }) count!: number;
  @ApiProperty({ description: 'True when `items` holds fewer than `count` (capped at `limit`).' })
  truncated!: boolean;
  @ApiProperty({ type: [DiffFindingDto], description: 'The first `limit` findings of the category, by id.' })
  items!: DiffFindingDto[];
}

export class AssessmentDiffDto {
  @ApiProperty({ format: 'uuid', description: 'The assessment compared.' }) assessmentId!: string;
  @ApiProperty({ format: 'uuid', description: 'The baseline it is compared against.' }) againstId!: string;
  @ApiProperty({ format: 'uuid' }) clusterId!: string;
  @ApiProperty({
    type: DiffCategoryDto,
    description:
      'In this assessment, not in the baseline, nor in any succeeded assessment of the cluster before it. ' +
      "Items are this assessment's findings.",
  })
  new!: DiffCategoryDto;
  @ApiProperty({
    type: DiffCategoryDto,
    description:
      'In the baseline, not in this assessment, which evaluated the check (passed, failed or not applicable), ' +
      "could read the resource's kind and covered its namespace. Items are the baseline's findings.",
  })
  fixed!: DiffCategoryDto;
  @ApiProperty({
    type: DiffCategoryDto,
    description:
      'In the baseline, not in this assessment, which could not judge it: the check was not evaluated or not ' +
      "run, the kind was a coverage gap, or the namespace was outside the profile. Never counted as fixed. Items are the baseline's findings.",
  })
  notAssessed!: DiffCategoryDto;
  @ApiProperty({
    type: DiffCategoryDto,
    description:
      'In both; also a finding missing only from a baseline that could not judge it but seen before it (it ' +
      "never went away as far as any assessment could tell). Items are this assessment's findings.",
  })
  persisting!: DiffCategoryDto;
  @ApiProperty({
    type: DiffCategoryDto,
    description:
      'In this assessment, absent from a baseline that did judge it, and present in a succeeded assessment ' +
      "of the cluster before the baseline: it was fixed and came back. Items are this assessment's findings.",
  })
  regressed!: DiffCategoryDto;
}
