import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsISO8601,
  IsOptional,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';

export const MAX_SCOPE_CLUSTERS = 100;
export const MAX_SCOPE_NAMESPACES = 1000;
/** A Kubernetes namespace name (RFC 1123 label). */
const NAMESPACE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** UUIDs compare as text once stored in jsonb: keep one spelling. */
function lowerCased(value: unknown): unknown {
  return Array.isArray(value)
    ? (value as unknown[]).map((id) => (typeof id === 'string' ? id.toLowerCase() : id))
    : value;
}

export const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** An optional calendar date `YYYY-MM-DD`; null clears it. */
export function CalendarDate(description: string) {
  return applyDecorators(
    ApiPropertyOptional({ type: String, format: 'date', nullable: true, description }),
    IsOptional(),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date YYYY-MM-DD' }),
    IsISO8601({ strict: true }, { message: '$property must be a valid calendar date' }),
  );
}

export class EngagementScopeDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: MAX_SCOPE_CLUSTERS })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_SCOPE_CLUSTERS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  @Transform(({ value }: { value: unknown }) => lowerCased(value))
  clusterIds?: string[];

  @ApiPropertyOptional({ type: [String], maxItems: MAX_SCOPE_NAMESPACES, example: ['payments'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_SCOPE_NAMESPACES)
  @ArrayUnique()
  @MaxLength(63, { each: true })
  @Matches(NAMESPACE, { each: true, message: 'each value in $property must be a namespace name' })
  namespaces?: string[];
}

export const scopeType = () => Type(() => EngagementScopeDto);
