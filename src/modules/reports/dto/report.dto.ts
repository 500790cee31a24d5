import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEnum, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { PageQueryDto } from '../../../common/http/paging';
import { trimmed } from '../../engagements/dto/engagement-fields';
import { ReportStatus, type ReportEntity } from '../entities/report.entity';
import { FILE_FORMATS, ReportFileFormat, reportFileName } from '../report-file-format';

export const DEFAULT_CONFIDENTIALITY = 'Confidential';

export class CreateReportDto {
  @ApiProperty({ enum: ReportFileFormat, enumName: 'ReportFormat' })
  @IsEnum(ReportFileFormat)
  format!: ReportFileFormat;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 100,
    default: DEFAULT_CONFIDENTIALITY,
    description: 'The marking on the cover and every page, e.g. "Confidential — Acme internal".',
  })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(1, 100)
  // One line of printable text: it is printed in the running header of every page. No control, format
  // (bidirectional overrides) or line and paragraph separator characters.
  @Matches(/^[^\p{C}\p{Zl}\p{Zp}]+$/u, { message: 'confidentiality must be one line of printable text' })
  confidentiality?: string;
}

export class ReportQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  assessmentId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  engagementId?: string;
}

export class ReportDto {
  @ApiProperty({ format: 'uuid', description: 'Also the report id printed on its cover.' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty({ format: 'uuid' }) assessmentId!: string;
  @ApiProperty({ format: 'uuid' }) engagementId!: string;
  @ApiProperty({ format: 'uuid' }) clusterId!: string;
  @ApiProperty({ enum: ReportFileFormat, enumName: 'ReportFormat' }) format!: ReportFileFormat;
  @ApiProperty() confidentiality!: string;
  @ApiProperty({ enum: ReportStatus, enumName: 'ReportStatus' }) status!: ReportStatus;
  @ApiProperty({ type: String, nullable: true, description: 'Why rendering failed.' }) failure!:
    | string
    | null;
  @ApiProperty({ description: 'Content-Type of GET /v1/reports/{id}/content.' }) contentType!: string;
  @ApiProperty({ description: 'The file name the download carries.' }) fileName!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Hex sha256 of the content (also its ETag), once ready.',
  })
  sha256!: string | null;
  @ApiProperty({ type: Number, nullable: true }) sizeBytes!: number | null;
  @ApiProperty({ format: 'uuid', description: 'The API key that asked for it.' }) createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) renderedAt!: string | null;

  static from(entity: ReportEntity): ReportDto {
    return {
      id: entity.id,
      organizationId: entity.organizationId,
      assessmentId: entity.assessmentId,
      engagementId: entity.engagementId,
      clusterId: entity.clusterId,
      format: entity.format,
      confidentiality: entity.confidentiality,
      status: entity.status,
      failure: entity.failure,
      contentType: FILE_FORMATS[entity.format].contentType,
      fileName: reportFileName(entity),
      sha256: entity.sha256,
      sizeBytes: entity.sizeBytes,
      createdBy: entity.createdBy,
      createdAt: entity.createdAt.toISOString(),
      renderedAt: entity.renderedAt?.toISOString() ?? null,
    };
  }
}

export class ReportPageDto {
  @ApiProperty({ type: [ReportDto] }) items!: ReportDto[];
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) nextCursor!: string | null;
}
