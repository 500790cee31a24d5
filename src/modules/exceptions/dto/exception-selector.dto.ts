import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches, ValidateBy } from 'class-validator';

export const MAX_SELECTOR_LABELS = 20;
/** A label key: an optional DNS-subdomain prefix (253) and '/' before the name (63). */
const MAX_LABEL_KEY_LENGTH = 317;
const MAX_LABEL_VALUE_LENGTH = 63;

function isLabelMap(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return false;
  }
  const entries = Object.entries(value);
  return (
    entries.length <= MAX_SELECTOR_LABELS &&
    entries.every(
      ([key, label]) =>
        key.length > 0 &&
        key.length <= MAX_LABEL_KEY_LENGTH &&
        typeof label === 'string' &&
        label.length <= MAX_LABEL_VALUE_LENGTH,
    )
  );
}

const IsLabelMap = () =>
  ValidateBy({
    name: 'isLabelMap',
    validator: {
      validate: isLabelMap,
      defaultMessage: () =>
        `$property must map at most ${MAX_SELECTOR_LABELS} label keys to string values ` +
        `(keys up to ${MAX_LABEL_KEY_LENGTH} characters, values up to ${MAX_LABEL_VALUE_LENGTH})`,
    },
  });

const GLOB = 'A glob (`*`, `?`, `{a,b}`) as the engine matches it.';

/**
 * Which resources an exception covers, as the engine's exception selector (src/engine/exceptions.ts): every
 * field given must match; none given covers every resource the check fires on.
 */
export class ExceptionSelectorDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 253, description: GLOB, example: 'payments' })
  @IsOptional()
  @IsString()
  @Length(1, 253)
  namespace?: string;

  @ApiPropertyOptional({ description: 'The exact kind.', example: 'Deployment' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z][A-Za-z0-9]{0,62}$/, { message: '$property must be a Kubernetes kind, e.g. Deployment' })
  kind?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 253, description: GLOB, example: 'ledger-*' })
  @IsOptional()
  @IsString()
  @Length(1, 253)
  name?: string;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 253,
    description: `${GLOB} Only per-container findings match.`,
  })
  @IsOptional()
  @IsString()
  @Length(1, 253)
  container?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    maxProperties: MAX_SELECTOR_LABELS,
    description: "Labels the resource must carry, with these exact values (the workload's own labels).",
    example: { 'app.kubernetes.io/name': 'log-agent' },
  })
  @IsOptional()
  @IsLabelMap()
  labels?: Record<string, string>;
}
