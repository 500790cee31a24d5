import { ApiProperty } from '@nestjs/swagger';
import type { SnapshotEntity } from '../entities/snapshot.entity';

export class SnapshotDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  clusterId!: string;

  @ApiProperty({ format: 'uuid' })
  organizationId!: string;

  @ApiProperty({ description: 'Kubernetes objects in the snapshot (List items counted one by one).' })
  objectCount!: number;

  @ApiProperty({ description: 'Size of the uploaded document in bytes.' })
  sizeBytes!: number;

  @ApiProperty({
    description: 'sha256 (hex) of the stored content: the gzip-compressed JSON array of objects.',
  })
  sha256!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  static from(entity: SnapshotEntity): SnapshotDto {
    return {
      id: entity.id,
      clusterId: entity.clusterId,
      organizationId: entity.organizationId,
      objectCount: entity.objectCount,
      sizeBytes: Number(entity.sizeBytes),
      sha256: entity.sha256,
      createdAt: entity.createdAt.toISOString(),
    };
  }
}

export class SnapshotPageDto {
  @ApiProperty({ type: [SnapshotDto] })
  items!: SnapshotDto[];

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  nextCursor!: string | null;
}
