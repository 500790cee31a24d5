import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsDefined, IsObject, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { PageQueryDto } from '../../../common/http/paging';
import { trimmed } from '../../engagements/dto/engagement-fields';
import { MAX_JUSTIFICATION_LENGTH } from '../../findings/dto/triage-finding.dto';
import { ExpiresAtField } from '../../triage/expires-at-field';
import type { ExceptionEntity } from '../entities/exception.entity';
import { ExceptionSelectorDto } from './exception-selector.dto';

export class CreateExceptionDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  organizationId!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "One of the organization's clusters; absent: all of them.",
  })
  @IsOptional()
  @IsUUID()
  clusterId?: string;

  @ApiProperty({ description: 'A check id from GET /v1/checks.' })
  @IsString()
  @Length(1, 100)
  check!: string;

  @ApiProperty({ type: ExceptionSelectorDto, description: '`{}` covers every resource the check fires on.' })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ExceptionSelectorDto)
  selector!: ExceptionSelectorDto;

  @ApiProperty({ minLength: 1, maxLength: MAX_JUSTIFICATION_LENGTH })
  @Transform(trimmed)
  @IsString()
  @Length(1, MAX_JUSTIFICATION_LENGTH)
  justification!: string;

  @ExpiresAtField({ required: true, description: 'When the exception stops applying.' })
  expiresAt!: string;
}

export class ExceptionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "The exceptions that apply to this cluster: its own and its organization's organization-wide ones.",
  })
  @IsOptional()
  @IsUUID()
  clusterId?: string;
}

export class ExceptionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Null: every cluster of the organization.',
  })
  clusterId!: string | null;
  @ApiProperty() check!: string;
  @ApiProperty({ type: ExceptionSelectorDto }) selector!: ExceptionSelectorDto;
  @ApiProperty() justification!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ description: 'Past its expiry: runs report it as expired instead of applying it.' })
  expired!: boolean;
  @ApiProperty({ format: 'uuid', description: 'The API key that created it.' }) createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static from(entity: ExceptionEntity, now: Date): ExceptionDto {
    return {
      id: entity.id,
      organizationId: entity.organizationId,
      clusterId: entity.clusterId,
      check: entity.check,
      selector: entity.selector,
      justification: entity.justification,
      expiresAt: entity.expiresAt.toISOString(),
      expired: entity.expiresAt.getTime() <= now.getTime(),
      createdBy: entity.createdBy,
      createdAt: entity.createdAt.toISOString(),
    };
  }
}

export class ExceptionPageDto {
  @ApiProperty({ type: [ExceptionDto] }) items!: ExceptionDto[];
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) nextCursor!: string | null;
}
