import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { RemediationSla } from '../remediation-sla';

/** A client: the tenant boundary. */
@Entity('organizations')
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 200, unique: true })
  name!: string;

  /** Days to fix per severity for its remediation tickets; null: the defaults. */
  @Column({ type: 'jsonb', name: 'remediation_sla_days', nullable: true })
  remediationSlaDays!: RemediationSla | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}
