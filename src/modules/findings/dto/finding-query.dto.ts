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
import { Layer, Phase, Severity } from '../../../engine/model';
import { TriageStatus } from '../finding-status';

export const DEFAULT_FINDINGS_PAGE = 100;
export const MAX_FINDINGS_PAGE = 500;

/** `?severity=high&severity=critical` and `?severity=high,critical` both give a list. */
const toList = ({ value }: { value: unknown }): unknown[] => {
  const given: unknown[] = Array.isArray(value) ? (value as unknown[]) : [value];
  return given
    .flatMap((part) => (typeof part === 'string' ? part.split(',').map((item) => item.trim()) : [part]))
    .filter((part) => part !== '');
};

const LIST = { isArray: true, style: 'form', explode: true } as const;

export class FindingQueryDto {
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

  @ApiPropertyOptional({ description: 'nextCursor of the previous page.' })
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
