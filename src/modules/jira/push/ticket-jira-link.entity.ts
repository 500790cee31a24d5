import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A ticket's Jira issue, recorded once its create (or the search that found it) succeeded. */
@Entity('ticket_jira_links')
@Index(['organizationId', 'site', 'issueId'], { unique: true })
export class TicketJiraLinkEntity {
  @PrimaryColumn({ type: 'uuid', name: 'ticket_id' })
  ticketId!: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId!: string;

  /** The Jira site and project the issue lives in (`<base URL> <project key>`): ids and keys are unique only there. */
  @Column({ type: 'varchar', length: 560 })
  site!: string;

  @Column({ type: 'varchar', length: 50, name: 'issue_id' })
  issueId!: string;

  @Column({ type: 'varchar', length: 100, name: 'issue_key' })
  issueKey!: string;

  /** The ticket revision the issue shows. */
  @Column({ type: 'integer', name: 'pushed_revision' })
  pushedRevision!: number;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
