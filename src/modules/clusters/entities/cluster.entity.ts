import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

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

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}
