import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import type { TenantScope } from '../auth/caller';
import type { Page, PageRequest } from '../../common/http/paging';
import { ClusterService } from './cluster.service';
import { ClusterSourceType } from './entities/cluster.entity';
import type { SnapshotEntity } from './entities/snapshot.entity';
import { parseSnapshotObjects, type SnapshotUpload } from './snapshot-upload';
import { SnapshotRepository } from './snapshot.repository';

@Injectable()
export class SnapshotService {
  constructor(
    private readonly clusters: ClusterService,
    private readonly snapshots: SnapshotRepository,
  ) {}

  /** Stores an upload as the cluster's newest snapshot; nothing is stored unless every object parsed. */
  async upload(scope: TenantScope, clusterId: string, upload: SnapshotUpload): Promise<SnapshotEntity> {
    const cluster = await this.clusters.get(scope, clusterId);
    if (cluster.sourceType !== ClusterSourceType.Snapshot) {
      throw new DomainError(
        ErrorCode.ClusterNotSnapshot,
        `the cluster reads its objects from a ${cluster.sourceType}; snapshots are uploaded to snapshot clusters only`,
      );
    }
    return this.snapshots.insert({
      organizationId: cluster.organizationId,
      clusterId: cluster.id,
      objects: parseSnapshotObjects(upload),
      sizeBytes: upload.sizeBytes,
    });
  }

  async list(scope: TenantScope, clusterId: string, page: PageRequest): Promise<Page<SnapshotEntity>> {
    const cluster = await this.clusters.get(scope, clusterId);
    return this.snapshots.listForCluster(cluster.id, page);
  }
}
