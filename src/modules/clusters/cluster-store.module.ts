import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CredentialCipher } from '../../common/crypto/credential-cipher';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { ClusterConnector } from './credentials/cluster-connector';
import { ClusterRepository } from './cluster.repository';
import { ClusterEntity } from './entities/cluster.entity';
import { SnapshotEntity } from './entities/snapshot.entity';
import { SnapshotRepository } from './snapshot.repository';

/** The clusters and snapshots tables and the clusters' credentials, without the routes: what the worker needs. */
@Module({
  imports: [TypeOrmModule.forFeature([ClusterEntity, SnapshotEntity])],
  providers: [
    ClusterRepository,
    SnapshotRepository,
    ClusterConnector,
    {
      provide: CredentialCipher,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new CredentialCipher(config.encryptionKey, config.previousEncryptionKeys),
    },
  ],
  exports: [ClusterRepository, SnapshotRepository, ClusterConnector],
})
export class ClusterStoreModule {}
