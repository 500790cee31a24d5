import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ClusterVerification } from '../verification/cluster-verification';

export enum ClusterSourceType {
  Kubeconfig = 'kubeconfig',
  Snapshot = 'snapshot',
}

/** An assessment target of an organization. */
@Entity('clusters')
@Index(['organizationId', 'name'], { unique: true })
export class ClusterEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 20, name: 'source_type' })
  sourceType!: ClusterSourceType;

  /** The API server URL of a kubeconfig cluster (not a secret: it is shown to readers of the cluster). */
  @Column({ type: 'varchar', length: 2048, nullable: true })
  server!: string | null;

  /** The kubeconfig's credentials, AES-256-GCM sealed (CredentialCipher); never selected unless asked for. */
  @Column({ type: 'bytea', nullable: true, select: false })
  credentials!: Buffer | null;

  @Column({ type: 'varchar', length: 64, name: 'credentials_key_id', nullable: true })
  credentialsKeyId!: string | null;

  /** The client opted in to listing Secrets as metadata only (see docs/assessor-rbac.md). */
  @Column({ type: 'boolean', name: 'secret_metadata', default: false })
  secretMetadata!: boolean;

  /** The outcome of the last POST /v1/clusters/:id/verify with the current credentials. */
  @Column({ type: 'jsonb', nullable: true })
  verification!: ClusterVerification | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}
