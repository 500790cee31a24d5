import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsEnum,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../../common/http/paging';
import { type EngagementEntity, EngagementStatus } from '../entities/engagement.entity';
import { CalendarDate, EngagementScopeDto, scopeType, trimmed } from './engagement-fields';

export class CreateEngagementDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  organizationId!: string;

  @ApiProperty({ minLength: 1, maxLength: 200 })
  @Transform(trimmed)
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({
    enum: EngagementStatus,
    enumName: 'EngagementStatus',
    default: EngagementStatus.Planned,
  })
  @IsOptional()
  @IsEnum(EngagementStatus)
  status?: EngagementStatus;

  @CalendarDate('First day of the engagement.')
  startsOn?: string | null;

  @CalendarDate('Last day of the engagement; not before startsOn.')
  endsOn?: string | null;

  @ApiPropertyOptional({ type: EngagementScopeDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @scopeType()
  scope?: EngagementScopeDto;
}

/** Fields left out stay as they are; scope members left out stay as they are; a null date clears it. */
export class UpdateEngagementDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @ValidateIf((_engagement, value) => value !== undefined)
  @Transform(trimmed)
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ enum: EngagementStatus, enumName: 'EngagementStatus' })
  @ValidateIf((_engagement, value) => value !== undefined)
  @IsEnum(EngagementStatus)
  status?: EngagementStatus;

  @CalendarDate('First day of the engagement; null clears it.')
  startsOn?: string | null;

  @CalendarDate('Last day of the engagement, not before startsOn; null clears it.')
  endsOn?: string | null;

  @ApiPropertyOptional({ type: EngagementScopeDto })
  @ValidateIf((_engagement, value) => value !== undefined)
  @IsObject()
  @ValidateNested()
  @scopeType()
  scope?: EngagementScopeDto;
}

export class EngagementQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({ enum: EngagementStatus, enumName: 'EngagementStatus' })
  @IsOptional()
  @IsEnum(EngagementStatus)
  status?: EngagementStatus;
}

export class EngagementScopeViewDto {
  @ApiProperty({ type: [String], format: 'uuid' })
  clusterIds!: string[];

  @ApiProperty({ type: [String] })
  namespaces!: string[];
}

export class EngagementDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: EngagementStatus, enumName: 'EngagementStatus' }) status!: EngagementStatus;
  @ApiProperty({ type: EngagementScopeViewDto }) scope!: EngagementScopeViewDto;
  @ApiProperty({ type: String, format: 'date', nullable: true }) startsOn!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) endsOn!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static from(entity: EngagementEntity): EngagementDto {
    return {
      id: entity.id,
      organizationId: entity.organizationId,
      name: entity.name,
      status: entity.status,
      scope: { clusterIds: entity.scope.clusterIds, namespaces: entity.scope.namespaces },
      startsOn: entity.startsOn,
      endsOn: entity.endsOn,
      createdAt: entity.createdAt.toISOString(),
      updatedAt: entity.updatedAt.toISOString(),
    };
  }
}

export class EngagementPageDto {
  @ApiProperty({ type: [EngagementDto] })
  items!: EngagementDto[];

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  nextCursor!: string | null;
}
