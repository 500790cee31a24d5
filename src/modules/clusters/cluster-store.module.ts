import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CryptoModule } from '../../common/crypto/crypto.module';
import { ClusterConnector } from './credentials/cluster-connector';
import { ClusterRepository } from './cluster.repository';
import { ClusterEntity } from './entities/cluster.entity';
import { SnapshotEntity } from './entities/snapshot.entity';
import { SnapshotRepository } from './snapshot.repository';

/** The clusters and snapshots tables and the clusters' credentials, without the routes: what the worker needs. */
@Module({
  imports: [TypeOrmModule.forFeature([ClusterEntity, SnapshotEntity]), CryptoModule],
  providers: [ClusterRepository, SnapshotRepository, ClusterConnector],
  exports: [ClusterRepository, SnapshotRepository, ClusterConnector],
})
export class ClusterStoreModule {}
