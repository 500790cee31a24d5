import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, LessThan, type Repository } from 'typeorm';
import { JiraWebhookDeliveryEntity } from './jira-webhook-delivery.entity';

/**
 * How old a delivery may be (Jira's `timestamp`), and how far ahead of our clock. Older ones are refused, so a
 * captured delivery cannot be replayed once its record is forgotten; records are kept twice as long.
 */
export const DELIVERY_MAX_AGE_MS = 24 * 3_600_000;
export const DELIVERY_MAX_SKEW_MS = 5 * 60_000;
export const DELIVERY_RECORD_MS = 2 * DELIVERY_MAX_AGE_MS;

@Injectable()
export class JiraWebhookDeliveryRepository {
  constructor(
    @InjectRepository(JiraWebhookDeliveryEntity)
    private readonly deliveries: Repository<JiraWebhookDeliveryEntity>,
  ) {}

  /** Runs `work` in a transaction: a delivery is recorded together with what it changed, or not at all. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.deliveries.manager.transaction(work);
  }

  /** Records the delivery; false when its identifier or its body was seen before for the organization. */
  async first(
    manager: EntityManager,
    organizationId: string,
    identifier: string,
    rawBody: Buffer,
  ): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO jira_webhook_deliveries (organization_id, identifier, body_sha256) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING identifier`,
      [organizationId, identifier.slice(0, 200), createHash('sha256').update(rawBody).digest('hex')],
    );
    return inserted.length > 0;
  }

  /** Forgets deliveries older than `before`: replays that old are refused by their timestamp instead. */
  async prune(before: Date): Promise<void> {
    await this.deliveries.delete({ receivedAt: LessThan(before) });
  }
}
