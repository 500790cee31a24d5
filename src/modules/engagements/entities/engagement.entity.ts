import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum EngagementStatus {
  Planned = 'planned',
  Active = 'active',
  Completed = 'completed',
  Archived = 'archived',
}

export interface EngagementScope {
  clusterIds: string[];
  namespaces: string[];
}

/** A piece of work for an organization. */
@Entity('engagements')
@Index(['organizationId', 'createdAt'])
export class EngagementEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 20, default: EngagementStatus.Planned })
  status!: EngagementStatus;

  @Column({ type: 'jsonb', default: () => `'{"clusterIds": [], "namespaces": []}'` })
  scope!: EngagementScope;

  @Column({ type: 'date', name: 'starts_on', nullable: true })
  startsOn!: string | null;

  @Column({ type: 'date', name: 'ends_on', nullable: true })
  endsOn!: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
