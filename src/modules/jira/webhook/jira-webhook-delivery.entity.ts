import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A webhook delivery already applied, by Jira's identifier and by the sha256 of its body: a retried delivery
 * (same identifier) and a replayed one (same signed body under any identifier) are acknowledged, not redone.
 */
@Entity('jira_webhook_deliveries')
@Index(['organizationId', 'bodySha256'], { unique: true })
@Index(['receivedAt'])
export class JiraWebhookDeliveryEntity {
  @PrimaryColumn({ type: 'uuid', name: 'organization_id' })
  organizationId!: string;

  @PrimaryColumn({ type: 'varchar', length: 200 })
  identifier!: string;

  @Column({ type: 'char', length: 64, name: 'body_sha256' })
  bodySha256!: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'received_at' })
  receivedAt!: Date;
}
