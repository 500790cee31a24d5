import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { ClusterInfo, CoverageGap } from '../../engine/inventory/inventory';
import type { KubeObject } from '../../engine/kube-types';
import { newestFirst, type Page, type PageRequest, toPage } from '../../common/http/paging';
import { SnapshotEntity, SnapshotOrigin } from './entities/snapshot.entity';
import { decodeSnapshot, encodeSnapshot } from './snapshot-codec';

export interface NewSnapshot {
  organizationId: string;
  clusterId: string;
  objects: readonly KubeObject[];
  /** Bytes of the objects as received (an upload); the stored JSON's size when absent. */
  sizeBytes?: number;
  origin?: SnapshotOrigin;
  coverageGaps?: CoverageGap[];
  clusterInfo?: ClusterInfo;
}

@Injectable()
export class SnapshotRepository {
  constructor(@InjectRepository(SnapshotEntity) private readonly snapshots: Repository<SnapshotEntity>) {}

  /** Stores the objects compressed, with the sha256 of what is stored. */
  async insert(snapshot: NewSnapshot): Promise<SnapshotEntity> {
    const { content, jsonBytes } = await encodeSnapshot(snapshot.objects);
    return this.snapshots.save(
      this.snapshots.create({
        organizationId: snapshot.organizationId,
        clusterId: snapshot.clusterId,
        objectCount: snapshot.objects.length,
        sizeBytes: String(snapshot.sizeBytes ?? jsonBytes),
        sha256: createHash('sha256').update(content).digest('hex'),
        content,
        inputErrors: [],
        origin: snapshot.origin ?? SnapshotOrigin.Upload,
        coverageGaps: snapshot.coverageGaps ?? [],
        clusterInfo: snapshot.clusterInfo ?? {},
      }),
    );
  }

  /** The newest snapshot of a cluster, metadata only (the content column is not selected). */
  findLatestForCluster(clusterId: string): Promise<SnapshotEntity | null> {
    return this.snapshots.findOne({ where: { clusterId }, order: { createdAt: 'DESC', id: 'DESC' } });
  }

  /** The decoded objects of a snapshot with what its collection could not read, or null when it does not exist. */
  async load(
    snapshotId: string,
  ): Promise<{ objects: KubeObject[]; coverageGaps: CoverageGap[]; clusterInfo: ClusterInfo } | null> {
    const row = await this.snapshots
      .createQueryBuilder('snapshot')
      .select(['snapshot.id', 'snapshot.coverageGaps', 'snapshot.clusterInfo'])
      .addSelect('snapshot.content')
      .where('snapshot.id = :snapshotId', { snapshotId })
      .getOne();
    return row
      ? { objects: decodeSnapshot(row.content), coverageGaps: row.coverageGaps, clusterInfo: row.clusterInfo }
      : null;
  }

  /** Metadata of a cluster's snapshots, newest first; the caller has checked the cluster is visible. */
  async listForCluster(clusterId: string, page: PageRequest): Promise<Page<SnapshotEntity>> {
    const query = this.snapshots
      .createQueryBuilder('snapshot')
      .where('snapshot.cluster_id = :clusterId', { clusterId });
    return toPage(await newestFirst(query, 'snapshots', page).getMany(), page);
  }
}
