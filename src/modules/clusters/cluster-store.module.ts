import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClusterRepository } from './cluster.repository';
import { ClusterEntity } from './entities/cluster.entity';
import { SnapshotEntity } from './entities/snapshot.entity';
import { SnapshotRepository } from './snapshot.repository';

/** The clusters and snapshots tables without the routes: what the worker needs of clusters. */
@Module({
  imports: [TypeOrmModule.forFeature([ClusterEntity, SnapshotEntity])],
  providers: [ClusterRepository, SnapshotRepository],
  exports: [ClusterRepository, SnapshotRepository],
})
export class ClusterStoreModule {}
