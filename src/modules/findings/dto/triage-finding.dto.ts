import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { trimmed } from '../../engagements/dto/engagement-fields';
import { ExpiresAtField } from '../../triage/expires-at-field';
import { TRIAGE_CHOICES, type TriageChoice } from '../../triage/triage-change';

export const MAX_JUSTIFICATION_LENGTH = 4000;

/** `PATCH /v1/findings/:id`: which fields a status needs is checked by the triage rules (triage-change.ts). */
export class TriageFindingDto {
  @ApiProperty({ enum: TRIAGE_CHOICES, enumName: 'TriageChoice' })
  @IsIn(TRIAGE_CHOICES)
  status!: TriageChoice;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    minLength: 1,
    maxLength: MAX_JUSTIFICATION_LENGTH,
    description: 'Required for accepted and false_positive; not taken by open.',
  })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(1, MAX_JUSTIFICATION_LENGTH)
  justification?: string | null;

  @ExpiresAtField({
    required: false,
    description: 'When the accepted risk lapses: required for accepted, not taken by the other statuses.',
  })
  expiresAt?: string | null;
}
