import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsDefined, IsObject, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { PageQueryDto } from '../../../common/http/paging';
import { type ClusterEntity, ClusterSourceType } from '../entities/cluster.entity';
import { ClusterVerificationDto } from './cluster-verification.dto';
import {
  CLUSTER_SOURCE_SUBTYPES,
  type ClusterSourceDto,
  KubeconfigSourceDto,
  SnapshotSourceDto,
  UnknownClusterSourceDto,
} from './cluster-source.dto';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@ApiExtraModels(SnapshotSourceDto, KubeconfigSourceDto)
export class CreateClusterDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  organizationId!: string;

  @ApiProperty({ minLength: 1, maxLength: 200, description: 'Unique within the organization.' })
  @Transform(trimmed)
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({
    oneOf: [{ $ref: getSchemaPath(SnapshotSourceDto) }, { $ref: getSchemaPath(KubeconfigSourceDto) }],
    discriminator: {
      propertyName: 'type',
      mapping: {
        [ClusterSourceType.Snapshot]: getSchemaPath(SnapshotSourceDto),
        [ClusterSourceType.Kubeconfig]: getSchemaPath(KubeconfigSourceDto),
      },
    },
  })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => UnknownClusterSourceDto, {
    discriminator: { property: 'type', subTypes: CLUSTER_SOURCE_SUBTYPES },
    keepDiscriminatorProperty: true,
  })
  source!: ClusterSourceDto;
}

export class ClusterQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}

/** The source without its credentials, which no route returns. */
export class ClusterSourceSummaryDto {
  @ApiProperty({ enum: ClusterSourceType, enumName: 'ClusterSourceType' })
  type!: ClusterSourceType;

  @ApiPropertyOptional({ description: 'The API server URL (kubeconfig clusters).' })
  server?: string;

  @ApiPropertyOptional({ description: 'Whether Secrets are listed, as metadata only (kubeconfig clusters).' })
  collectSecretMetadata?: boolean;
}

export class ClusterDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  organizationId!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: ClusterSourceSummaryDto })
  source!: ClusterSourceSummaryDto;

  @ApiProperty({
    type: ClusterVerificationDto,
    nullable: true,
    description: 'The last verification with the current credentials (kubeconfig clusters).',
  })
  verification!: ClusterVerificationDto | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  static from(entity: ClusterEntity): ClusterDto {
    return {
      id: entity.id,
      organizationId: entity.organizationId,
      name: entity.name,
      source: {
        type: entity.sourceType,
        ...(entity.sourceType === ClusterSourceType.Kubeconfig && {
          ...(entity.server && { server: entity.server }),
          collectSecretMetadata: entity.secretMetadata,
        }),
      },
      verification: entity.verification,
      createdAt: entity.createdAt.toISOString(),
    };
  }
}

export class ClusterPageDto {
  @ApiProperty({ type: [ClusterDto] })
  items!: ClusterDto[];

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  nextCursor!: string | null;
}
