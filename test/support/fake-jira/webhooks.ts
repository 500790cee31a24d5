import { createHmac, randomInt } from 'node:crypto';
import type { StoredIssue } from './issue-store';
import { issueFields } from './issue-view';
import type { JiraSite } from './site';
import type { ChangelogItem, SendWebhookOptions, WebhookDelivery, WebhookEvent } from './types';

const DELIVERY_TIMEOUT_MS = 10_000;

/** `jira:issue_updated` as Jira sends it: the issue with all its fields, the user, and the changelog. */
export function issueUpdatedEvent(
  site: JiraSite,
  issue: StoredIssue,
  changelog: { id: string; items: ChangelogItem[] },
  now: Date,
): WebhookEvent {
  return {
    timestamp: now.getTime(),
    webhookEvent: 'jira:issue_updated',
    issue_event_type_name: 'issue_generic',
    user: site.userDetails(),
    issue: {
      id: issue.id,
      self: site.url(`/rest/api/3/issue/${issue.id}`),
      key: issue.key,
      fields: issueFields(site, issue),
    },
    changelog,
  };
}

/** `sha256=<hex>` of HMAC-SHA256 keyed with the webhook's secret over the exact body bytes (WebSub). */
export function webhookSignature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** Sends webhooks and keeps every delivery, so tests can see them and send one again. */
export class WebhookSender {
  readonly deliveries: WebhookDelivery[] = [];
  private readonly pending = new Set<Promise<WebhookDelivery>>();
  private sequence = 0;

  send(
    url: string,
    secret: string,
    event: WebhookEvent,
    options: SendWebhookOptions = {},
  ): Promise<WebhookDelivery> {
    const body = JSON.stringify(event);
    const identifier = options.identifier ?? this.nextIdentifier();
    const retry = options.retry ?? 0;
    const headers: Record<string, string> = {
      'Content-Type': 'application/json; charset=UTF-8',
      'User-Agent': 'Atlassian Webhook HTTP Client',
      'X-Atlassian-Webhook-Identifier': identifier,
      'X-Atlassian-Webhook-Flow': 'Primary',
      'X-Hub-Signature': webhookSignature(secret, body),
      ...(retry > 0 && { 'X-Atlassian-Webhook-Retry': String(retry) }),
    };
    return this.track(post(url, body, headers, identifier, retry));
  }

  /** The same bytes, signature and identifier, counted as Jira's next retry. */
  resend(delivery: WebhookDelivery): Promise<WebhookDelivery> {
    const retry = delivery.retry + 1;
    const headers = { ...delivery.headers, 'X-Atlassian-Webhook-Retry': String(retry) };
    return this.track(post(delivery.url, delivery.body, headers, delivery.identifier, retry));
  }

  /** Waits for the deliveries under way. */
  async settle(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  clear(): void {
    this.deliveries.length = 0;
  }

  private track(sending: Promise<WebhookDelivery>): Promise<WebhookDelivery> {
    const recorded = sending.then((delivery) => {
      this.deliveries.push(delivery);
      return delivery;
    });
    this.pending.add(recorded);
    void recorded.finally(() => this.pending.delete(recorded));
    return recorded;
  }

  /** Unique within the site, numeric like Jira's. */
  private nextIdentifier(): string {
    this.sequence += 1;
    return `${Date.now()}${String(this.sequence).padStart(4, '0')}${randomInt(1000).toString().padStart(3, '0')}`;
  }
}

async function post(
  url: string,
  body: string,
  headers: Record<string, string>,
  identifier: string,
  retry: number,
): Promise<WebhookDelivery> {
  const delivery = { url, identifier, body, headers, retry };
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    await response.arrayBuffer();
    return { ...delivery, status: response.status, error: undefined };
  } catch (error) {
    return { ...delivery, status: undefined, error: error instanceof Error ? error.message : String(error) };
  }
}
