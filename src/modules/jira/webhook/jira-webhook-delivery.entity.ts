import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A webhook delivery already processed, by Jira's identifier: a retried delivery is acknowledged, not redone. */
@Entity('jira_webhook_deliveries')
export class JiraWebhookDeliveryEntity {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  identifier!: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId!: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'received_at' })
  receivedAt!: Date;
}
