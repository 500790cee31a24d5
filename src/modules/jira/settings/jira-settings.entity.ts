import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Severity } from '../../../engine/model';

/** What the last verify call found: who the credentials are, and what a push would miss. */
export interface JiraVerification {
  ok: boolean;
  verifiedAt: string;
  account?: { accountId: string; displayName?: string };
  /** Required fields of the issue type that the settings do not fill. */
  missingFields: { id: string; name: string }[];
  /** Priority names of the map that the project does not offer. */
  unknownPriorities: string[];
  problems: string[];
}

/**
 * An organization's Jira: where tickets go and how to sign in. The API token (or bearer token) and the webhook
 * secret are sealed (AES-256-GCM, bound to the organization and their purpose) and never returned.
 */
@Entity('jira_integrations')
export class JiraSettingsEntity {
  @PrimaryColumn({ type: 'uuid', name: 'organization_id' })
  organizationId!: string;

  @Column({ type: 'varchar', length: 500, name: 'base_url' })
  baseUrl!: string;

  @Column({ type: 'varchar', length: 50, name: 'project_key' })
  projectKey!: string;

  @Column({ type: 'varchar', length: 100, name: 'issue_type' })
  issueType!: string;

  @Column({ type: 'varchar', length: 10, name: 'auth_type' })
  authType!: 'basic' | 'bearer';

  /** The Atlassian account's email, for basic auth. Not a secret, but personal: shown only to staff. */
  @Column({ type: 'varchar', length: 320, nullable: true })
  email!: string | null;

  @Column({ type: 'bytea', name: 'sealed_token' })
  sealedToken!: Buffer;

  @Column({ type: 'bytea', name: 'sealed_webhook_secret' })
  sealedWebhookSecret!: Buffer;

  @Column({ type: 'varchar', length: 64, name: 'key_id' })
  keyId!: string;

  @Column({ type: 'jsonb', name: 'priority_map' })
  priorityMap!: Record<Severity, string>;

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  labels!: string[];

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  components!: string[];

  /** Field id → value, sent as-is on create (e.g. a required `customfield_10050`). */
  @Column({ type: 'jsonb', name: 'custom_fields', default: () => `'{}'` })
  customFields!: Record<string, unknown>;

  @Column({ type: 'jsonb', nullable: true })
  verification!: JiraVerification | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
