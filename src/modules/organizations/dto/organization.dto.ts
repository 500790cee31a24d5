import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsString, Length, Max, Min } from 'class-validator';
import type { OrganizationEntity } from '../entities/organization.entity';
import { DEFAULT_REMEDIATION_SLA_DAYS } from '../remediation-sla';

/** Ten years: beyond that a due date says nothing. */
const MAX_SLA_DAYS = 3650;

function SlaDays() {
  return (target: object, property: string) => {
    ApiProperty({ minimum: 1, maximum: MAX_SLA_DAYS })(target, property);
    IsInt()(target, property);
    Min(1)(target, property);
    Max(MAX_SLA_DAYS)(target, property);
  };
}

/** Days to fix a finding of each severity, from the day its ticket is opened. */
export class RemediationSlaDto {
  @SlaDays() critical!: number;
  @SlaDays() high!: number;
  @SlaDays() medium!: number;
  @SlaDays() low!: number;
  @SlaDays() info!: number;
}

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateOrganizationDto {
  @ApiProperty({ minLength: 1, maxLength: 200, description: 'Unique; surrounding whitespace is dropped.' })
  @Transform(trimmed)
  @IsString()
  @Length(1, 200)
  name!: string;
}

export class OrganizationDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: RemediationSlaDto, description: 'The defaults unless set (PUT …/remediation-sla).' })
  remediationSlaDays!: RemediationSlaDto;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  static from(entity: OrganizationEntity): OrganizationDto {
    return {
      id: entity.id,
      name: entity.name,
      remediationSlaDays: { ...(entity.remediationSlaDays ?? DEFAULT_REMEDIATION_SLA_DAYS) },
      createdAt: entity.createdAt.toISOString(),
    };
  }
}

export class OrganizationPageDto {
  @ApiProperty({ type: [OrganizationDto] })
  items!: OrganizationDto[];

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  nextCursor!: string | null;
}
