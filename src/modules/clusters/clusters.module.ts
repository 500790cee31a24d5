import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module';
import { ClusterService } from './cluster.service';
import { ClusterStoreModule } from './cluster-store.module';
import { ClustersController } from './clusters.controller';
import { SnapshotService } from './snapshot.service';
import { SnapshotsController } from './snapshots.controller';

@Module({
  imports: [ClusterStoreModule, OrganizationsModule],
  controllers: [ClustersController, SnapshotsController],
  providers: [ClusterService, SnapshotService],
  exports: [ClusterStoreModule],
})
export class ClustersModule {}
