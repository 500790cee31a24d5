import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { KubeObject } from '../../engine/kube-types';
import { newestFirst, type Page, type PageRequest, toPage } from '../../common/http/paging';
import { SnapshotEntity } from './entities/snapshot.entity';
import { decodeSnapshot } from './snapshot-codec';

export type NewSnapshot = Omit<SnapshotEntity, 'id' | 'createdAt' | 'inputErrors'>;

@Injectable()
export class SnapshotRepository {
  constructor(@InjectRepository(SnapshotEntity) private readonly snapshots: Repository<SnapshotEntity>) {}

  async insert(snapshot: NewSnapshot): Promise<SnapshotEntity> {
    return this.snapshots.save(this.snapshots.create({ ...snapshot, inputErrors: [] }));
  }

  /** The newest snapshot of a cluster, metadata only (the content column is not selected). */
  findLatestForCluster(clusterId: string): Promise<SnapshotEntity | null> {
    return this.snapshots.findOne({ where: { clusterId }, order: { createdAt: 'DESC', id: 'DESC' } });
  }

  /** The decoded objects of a snapshot, or null when it does not exist. */
  async loadObjects(snapshotId: string): Promise<KubeObject[] | null> {
    const row = await this.snapshots
      .createQueryBuilder('snapshot')
      .select('snapshot.id')
      .addSelect('snapshot.content')
      .where('snapshot.id = :snapshotId', { snapshotId })
      .getOne();
    return row ? decodeSnapshot(row.content) : null;
  }

  /** Metadata of a cluster's snapshots, newest first; the caller has checked the cluster is visible. */
  async listForCluster(clusterId: string, page: PageRequest): Promise<Page<SnapshotEntity>> {
    const query = this.snapshots
      .createQueryBuilder('snapshot')
      .where('snapshot.cluster_id = :clusterId', { clusterId });
    return toPage(await newestFirst(query, 'snapshots', page).getMany(), page);
  }
}
