import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { Layer, Phase, Principle, Severity } from '../../../engine/model';
import { FindingSort } from '../finding-sort';
import { TriageStatus } from '../finding-status';

export const DEFAULT_FINDINGS_PAGE = 100;
export const MAX_FINDINGS_PAGE = 500;
export const MAX_TEXT_LENGTH = 100;

/** `?severity=high&severity=critical` and `?severity=high,critical` both give a list. */
const toList = ({ value }: { value: unknown }): unknown[] => {
  const given: unknown[] = Array.isArray(value) ? (value as unknown[]) : [value];
  return given
    .flatMap((part) => (typeof part === 'string' ? part.split(',').map((item) => item.trim()) : [part]))
    .filter((part) => part !== '');
};

const LIST = { isArray: true, style: 'form', explode: true } as const;

/**
 * The filters of `GET /v1/assessments/:id/findings` and of its facets: a finding matches when it matches every
 * filter given; a list filter matches any of its values.
 */
export class FindingFilterDto {
  @ApiPropertyOptional({ ...LIST, enum: Severity, enumName: 'Severity' })
  @IsOptional()
  @Transform(toList)
  @ArrayMaxSize(20)
  @IsEnum(Severity, { each: true })
  severity?: Severity[];

  @ApiPropertyOptional({ ...LIST, enum: Layer, enumName: 'Layer' })
  @IsOptional()
  @Transform(toList)
  @ArrayMaxSize(20)
  @IsEnum(Layer, { each: true })
  layer?: Layer[];

  @ApiPropertyOptional({ ...LIST, enum: Phase, enumName: 'Phase' })
  @IsOptional()
  @Transform(toList)
  @ArrayMaxSize(20)
  @IsEnum(Phase, { each: true })
  phase?: Phase[];

  @ApiPropertyOptional({
    ...LIST,
    enum: Principle,
    enumName: 'Principle',
    description: 'Findings with at least one of these principles.',
  })
  @IsOptional()
  @Transform(toList)
  @ArrayMaxSize(20)
  @IsEnum(Principle, { each: true })
  principle?: Principle[];

  @ApiPropertyOptional({ ...LIST, enum: TriageStatus, enumName: 'TriageStatus' })
  @IsOptional()
  @Transform(toList)
  @ArrayMaxSize(20)
  @IsEnum(TriageStatus, { each: true })
  status?: TriageStatus[];

  @ApiPropertyOptional({ ...LIST, type: String })
  @IsOptional()
  @Transform(toList)
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @Matches(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, {
    each: true,
    message: 'each namespace must be a DNS label',
  })
  namespace?: string[];

  @ApiPropertyOptional({ ...LIST, type: String, description: 'Check ids from GET /v1/checks.' })
  @IsOptional()
  @Transform(toList)
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  check?: string[];

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: MAX_TEXT_LENGTH,
    description:
      'A substring of the message, resource name, namespace or check id, matched case-insensitively for ' +
      'ASCII letters (other characters match exactly); `%`, `_` and `\\` are plain characters. No control ' +
      'characters.',
  })
  @IsOptional()
  @IsString()
  @Length(1, MAX_TEXT_LENGTH)
  @Matches(/^\P{Cc}+$/u, { message: 'text must not contain control characters' })
  text?: string;
}

/**
 * A page of findings: the filters, an order, and the cursor of the previous page. The counts of the same filters
 * by severity, status, layer, phase, check and namespace are at `GET /v1/assessments/:id/findings/facets`.
 */
export class FindingQueryDto extends FindingFilterDto {
  @ApiPropertyOptional({
    enum: FindingSort,
    enumName: 'FindingSort',
    default: FindingSort.Inserted,
    description:
      '`inserted`: the order the assessment stored the findings. `severity`: critical first down to info, ' +
      'stored order within a severity. A cursor is valid only with the sort that returned it.',
  })
  @IsOptional()
  @IsEnum(FindingSort)
  sort?: FindingSort;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page, requested with the same sort.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_FINDINGS_PAGE, default: DEFAULT_FINDINGS_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_FINDINGS_PAGE)
  limit?: number;
}
