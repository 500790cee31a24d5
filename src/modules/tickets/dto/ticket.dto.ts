import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../../common/http/paging';
import { Layer, Phase, Severity } from '../../../engine/model';
import { ResourceRefDto } from '../../findings/dto/finding.dto';
import type { TicketFindingEntity } from '../entities/ticket-finding.entity';
import { type TicketEntity, TicketGrouping, TicketStatus, TicketSyncStatus } from '../entities/ticket.entity';

export class CreateTicketsDto {
  @ApiPropertyOptional({
    enum: TicketGrouping,
    enumName: 'TicketGrouping',
    default: TicketGrouping.CheckNamespace,
  })
  @IsOptional()
  @IsEnum(TicketGrouping)
  groupBy?: TicketGrouping;

  @ApiPropertyOptional({ enum: Severity, enumName: 'Severity', default: Severity.Low })
  @IsOptional()
  @IsEnum(Severity)
  minSeverity?: Severity;
}

export class TicketBuildResultDto {
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty() created!: number;
  @ApiProperty({ description: 'Open tickets that took in new findings.' }) updated!: number;
  @ApiProperty() unchanged!: number;
  @ApiProperty({ type: [String], description: 'Every ticket the open findings now belong to.' })
  ticketIds!: string[];
}

export class TicketQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  engagementId?: string;

  @ApiPropertyOptional({ enum: TicketStatus, enumName: 'TicketStatus' })
  @IsOptional()
  @IsEnum(TicketStatus)
  status?: TicketStatus;
}

export const EXPORT_FORMATS = ['csv', 'json'] as const;

export class TicketExportQueryDto {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format?: (typeof EXPORT_FORMATS)[number];
}

export class TicketDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty({ format: 'uuid' }) engagementId!: string;
  @ApiProperty({ format: 'uuid' }) clusterId!: string;
  @ApiProperty({ enum: TicketGrouping, enumName: 'TicketGrouping' }) grouping!: TicketGrouping;
  @ApiProperty() check!: string;
  @ApiProperty({ type: String, nullable: true }) namespace!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '`Kind/name`, for the workload grouping.' })
  workload!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: Severity, enumName: 'Severity' }) severity!: Severity;
  @ApiProperty({ enum: Layer, enumName: 'Layer' }) layer!: Layer;
  @ApiProperty({ enum: Phase, enumName: 'Phase' }) phase!: Phase;
  @ApiProperty({ format: 'date', description: "From the organization's remediation SLA for the severity." })
  dueOn!: string;
  @ApiProperty({ enum: TicketStatus, enumName: 'TicketStatus' }) status!: TicketStatus;
  @ApiProperty({ description: 'Bumped whenever findings are added.' }) revision!: number;
  @ApiProperty({ enum: TicketSyncStatus, enumName: 'TicketSyncStatus' }) syncStatus!: TicketSyncStatus;
  @ApiProperty({ type: String, nullable: true, description: 'Why the last push failed or is being retried.' })
  syncError!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The Jira issue, once pushed.' })
  jiraIssueKey!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static from(entity: TicketEntity): TicketDto {
    return {
      id: entity.id,
      organizationId: entity.organizationId,
      engagementId: entity.engagementId,
      clusterId: entity.clusterId,
      grouping: entity.grouping,
      check: entity.check,
      namespace: entity.namespace,
      workload: entity.workload,
      title: entity.title,
      severity: entity.severity,
      layer: entity.layer,
      phase: entity.phase,
      dueOn: entity.dueOn,
      status: entity.status,
      revision: entity.revision,
      syncStatus: entity.syncStatus,
      syncError: entity.syncError,
      jiraIssueKey: entity.jiraIssueKey,
      createdAt: entity.createdAt.toISOString(),
      updatedAt: entity.updatedAt.toISOString(),
    };
  }
}

export class TicketFindingDto {
  @ApiProperty() fingerprint!: string;
  @ApiProperty({ type: ResourceRefDto }) resource!: ResourceRefDto;
  @ApiPropertyOptional() container?: string;
  @ApiProperty() message!: string;
  @ApiProperty({ format: 'uuid', description: 'The assessment it was first added from.' })
  assessmentId!: string;

  static from(entity: TicketFindingEntity): TicketFindingDto {
    return {
      fingerprint: entity.fingerprint,
      resource: {
        apiVersion: entity.resourceApiVersion,
        kind: entity.resourceKind,
        ...(entity.resourceNamespace !== null && { namespace: entity.resourceNamespace }),
        name: entity.resourceName,
      },
      ...(entity.container !== null && { container: entity.container }),
      message: entity.message,
      assessmentId: entity.assessmentId,
    };
  }
}

export class TicketDetailDto extends TicketDto {
  @ApiProperty({ type: [TicketFindingDto] }) findings!: TicketFindingDto[];
}

export class TicketPageDto {
  @ApiProperty({ type: [TicketDto] }) items!: TicketDto[];
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) nextCursor!: string | null;
}

export class TicketPushResultDto {
  @ApiProperty({ type: [String], description: 'The tickets whose push was queued.' }) queued!: string[];
}
