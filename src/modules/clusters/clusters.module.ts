import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationsModule } from '../organizations/organizations.module';
import { ClusterRepository } from './cluster.repository';
import { ClusterService } from './cluster.service';
import { ClustersController } from './clusters.controller';
import { ClusterEntity } from './entities/cluster.entity';
import { SnapshotEntity } from './entities/snapshot.entity';
import { SnapshotRepository } from './snapshot.repository';
import { SnapshotService } from './snapshot.service';
import { SnapshotsController } from './snapshots.controller';

@Module({
  imports: [TypeOrmModule.forFeature([ClusterEntity, SnapshotEntity]), OrganizationsModule],
  controllers: [ClustersController, SnapshotsController],
  providers: [ClusterRepository, SnapshotRepository, ClusterService, SnapshotService],
  exports: [ClusterRepository, SnapshotRepository],
})
export class ClustersModule {}
