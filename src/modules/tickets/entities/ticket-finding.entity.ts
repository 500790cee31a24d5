import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A finding a ticket covers, by fingerprint: the same finding in every later assessment of the cluster. */
@Entity('ticket_findings')
export class TicketFindingEntity {
  @PrimaryColumn({ type: 'uuid', name: 'ticket_id' })
  ticketId!: string;

  @PrimaryColumn({ type: 'char', length: 32 })
  fingerprint!: string;

  @Column({ type: 'varchar', length: 200, name: 'resource_api_version' })
  resourceApiVersion!: string;

  @Column({ type: 'varchar', length: 200, name: 'resource_kind' })
  resourceKind!: string;

  @Column({ type: 'varchar', length: 253, name: 'resource_namespace', nullable: true })
  resourceNamespace!: string | null;

  @Column({ type: 'varchar', length: 253, name: 'resource_name' })
  resourceName!: string;

  @Column({ type: 'varchar', length: 253, nullable: true })
  container!: string | null;

  @Column({ type: 'text' })
  message!: string;

  /** The assessment the finding was first added from. */
  @Column({ type: 'uuid', name: 'assessment_id' })
  assessmentId!: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'added_at' })
  addedAt!: Date;
}
