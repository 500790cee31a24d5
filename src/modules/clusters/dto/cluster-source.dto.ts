import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Equals, IsBoolean, IsEnum, IsOptional, IsString, Length } from 'class-validator';
import { ClusterSourceType } from '../entities/cluster.entity';

/** What `source.type` falls back to when it names no known source: validation then rejects it. */
export class UnknownClusterSourceDto {
  @IsEnum(ClusterSourceType)
  type!: ClusterSourceType;
}

export class SnapshotSourceDto {
  @ApiProperty({ enum: [ClusterSourceType.Snapshot] })
  @Equals(ClusterSourceType.Snapshot)
  type!: ClusterSourceType.Snapshot;
}

/** A kubeconfig and the context to use: what PATCH /v1/clusters/:id/credentials takes. */
export class KubeconfigCredentialsDto {
  @ApiProperty({ description: 'The kubeconfig document (inline credentials only). Never returned.' })
  @IsString()
  @Length(1, 1024 * 1024)
  kubeconfig!: string;

  @ApiPropertyOptional({ description: 'The context to use; the current context when absent.' })
  @IsOptional()
  @IsString()
  @Length(1, 253)
  context?: string;
}

/** Credentials for live collection; checked in full (docs/decisions/0006) before anything is stored. */
export class KubeconfigSourceDto extends KubeconfigCredentialsDto {
  @ApiProperty({ enum: [ClusterSourceType.Kubeconfig] })
  @Equals(ClusterSourceType.Kubeconfig)
  type!: ClusterSourceType.Kubeconfig;

  @ApiPropertyOptional({
    description:
      'Also list Secrets, as metadata only (needs the opt-in role of docs/assessor-rbac.md). Default false.',
  })
  @IsOptional()
  @IsBoolean()
  collectSecretMetadata?: boolean;
}

export type ClusterSourceDto = SnapshotSourceDto | KubeconfigSourceDto;

export const CLUSTER_SOURCE_SUBTYPES = [
  { name: ClusterSourceType.Snapshot, value: SnapshotSourceDto },
  { name: ClusterSourceType.Kubeconfig, value: KubeconfigSourceDto },
];
