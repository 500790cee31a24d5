import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Matches } from 'class-validator';
import { MAX_ACCEPTANCE_YEARS } from './acceptance-expiry';

/** A full RFC 3339 timestamp: an offset is required, so no server time zone guesses what a client meant. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/i;

/** `expiresAt` of an acceptance (triage or exception): its shape here, its range in checkExpiry. */
export function ExpiresAtField(options: { required: boolean; description: string }) {
  const description = `${options.description} In the future, at most ${MAX_ACCEPTANCE_YEARS} years ahead.`;
  return applyDecorators(
    options.required
      ? ApiProperty({ type: String, format: 'date-time', description })
      : ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description }),
    ...(options.required ? [] : [IsOptional()]),
    IsString(),
    Matches(TIMESTAMP, {
      message: '$property must be a date-time with an offset, e.g. 2027-01-31T00:00:00Z',
    }),
    IsISO8601({ strict: true }, { message: '$property must be a valid date-time' }),
  );
}
