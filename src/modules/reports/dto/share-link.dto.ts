import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import type { ShareLinkEntity } from '../entities/share-link.entity';

/** A week: long enough to hand a report to an auditor, short enough that a forwarded link dies soon. */
export const MAX_SHARE_LINK_HOURS = 168;

export class CreateShareLinkDto {
  @ApiProperty({ minimum: 1, maximum: MAX_SHARE_LINK_HOURS })
  @IsInt()
  @Min(1)
  @Max(MAX_SHARE_LINK_HOURS)
  expiresInHours!: number;
}

export class ShareLinkDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) reportId!: string;
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt!: string | null;
  @ApiProperty({ description: 'Downloads through the link so far.' }) downloads!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastDownloadedAt!: string | null;
  @ApiProperty({ format: 'uuid', description: 'The API key that created it.' }) createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static from(entity: ShareLinkEntity): ShareLinkDto {
    return {
      id: entity.id,
      reportId: entity.reportId,
      organizationId: entity.organizationId,
      expiresAt: entity.expiresAt.toISOString(),
      revokedAt: entity.revokedAt?.toISOString() ?? null,
      downloads: entity.downloads,
      lastDownloadedAt: entity.lastDownloadedAt?.toISOString() ?? null,
      createdBy: entity.createdBy,
      createdAt: entity.createdAt.toISOString(),
    };
  }
}

export class CreatedShareLinkDto extends ShareLinkDto {
  @ApiProperty({
    description:
      'The link to hand out: GET it, without an API key, to download the report. Shown once; not stored.',
  })
  url!: string;
}

export class ShareLinkListDto {
  @ApiProperty({ type: [ShareLinkDto] }) items!: ShareLinkDto[];
}
