import { ExceptionState } from '../../../engine/exceptions';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CheckStatus } from '../../../engine/check-result';
import { InputErrorCode } from '../../../engine/input-error';

/** Open findings by severity. */
export class SeverityCountsDto {
  @ApiProperty() critical!: number;
  @ApiProperty() high!: number;
  @ApiProperty() medium!: number;
  @ApiProperty() low!: number;
  @ApiProperty() info!: number;
}

export class CheckStatusCountsDto {
  @ApiProperty() passed!: number;
  @ApiProperty() failed!: number;
  @ApiProperty() not_evaluated!: number;
  @ApiProperty() not_applicable!: number;
}

export class AssessmentSummaryDto {
  @ApiProperty({ description: 'Objects evaluated.' }) objects!: number;
  @ApiProperty({ description: 'Pod templates evaluated, once per top-most controller.' }) workloads!: number;
  @ApiProperty({ type: SeverityCountsDto }) findings!: SeverityCountsDto;
  @ApiProperty({
    description:
      'Findings not open at the end of the run: accepted (by an exception or a triage decision) or false positives.',
  })
  accepted!: number;
  @ApiProperty({ description: 'Findings on system components left out by default.' }) exempted!: number;
  @ApiProperty({ type: CheckStatusCountsDto }) checks!: CheckStatusCountsDto;
}

export class CheckResultDto {
  @ApiProperty() check!: string;
  @ApiProperty({ enum: CheckStatus, enumName: 'CheckStatus' }) status!: CheckStatus;
  @ApiProperty({ description: 'Targets evaluated (containers, workloads or objects).' }) evaluated!: number;
  @ApiProperty({ description: 'Open findings.' }) findings!: number;
  @ApiProperty() accepted!: number;
  @ApiProperty() exempted!: number;
  @ApiPropertyOptional({ description: 'Why the check was not evaluated.' }) reason?: string;
}

/** How far the collection of a live cluster has got. */
export class CollectionProgressDto {
  @ApiProperty({ description: 'Resources to list (kinds, Secrets included when opted in).' })
  resourcesTotal!: number;
  @ApiProperty({ description: 'Resources listed or found unreadable.' }) resourcesDone!: number;
  @ApiProperty({ description: 'Objects read so far.' }) objects!: number;
}

export class ExceptionReportDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() check!: string;
  @ApiProperty({ enum: ExceptionState, enumName: 'ExceptionState' }) state!: ExceptionState;
  @ApiProperty({ description: 'Findings it accepted in this run.' }) matched!: number;
  @ApiPropertyOptional({ format: 'date-time' }) expires?: string;
}

export class CoverageGapDto {
  @ApiProperty() kind!: string;
  @ApiProperty() reason!: string;
}

export class InputErrorDto {
  @ApiProperty({ enum: InputErrorCode, enumName: 'InputErrorCode' }) code!: InputErrorCode;
  @ApiProperty() message!: string;
  @ApiPropertyOptional() file?: string;
  @ApiPropertyOptional() line?: number;
}
