import { AssessmentEntity } from '../../modules/assessments/entities/assessment.entity';
import { AuditEventEntity } from '../../modules/audit/entities/audit-event.entity';
import { ApiKeyEntity } from '../../modules/auth/entities/api-key.entity';
import { ClusterEntity } from '../../modules/clusters/entities/cluster.entity';
import { SnapshotEntity } from '../../modules/clusters/entities/snapshot.entity';
import { EngagementEntity } from '../../modules/engagements/entities/engagement.entity';
import { FindingEntity } from '../../modules/findings/entities/finding.entity';
import { ExceptionEntity } from '../../modules/exceptions/entities/exception.entity';
import { OrganizationEntity } from '../../modules/organizations/entities/organization.entity';
import { ReportEntity } from '../../modules/reports/entities/report.entity';
import { ShareLinkEntity } from '../../modules/reports/entities/share-link.entity';
import { TicketJiraLinkEntity } from '../../modules/jira/push/ticket-jira-link.entity';
import { JiraWebhookDeliveryEntity } from '../../modules/jira/webhook/jira-webhook-delivery.entity';
import { JiraSettingsEntity } from '../../modules/jira/settings/jira-settings.entity';
import { TicketFindingEntity } from '../../modules/tickets/entities/ticket-finding.entity';
import { TicketEntity } from '../../modules/tickets/entities/ticket.entity';
import { TriageDecisionEntity } from '../../modules/triage/entities/triage-decision.entity';

export const ENTITIES = [
  OrganizationEntity,
  EngagementEntity,
  ClusterEntity,
  SnapshotEntity,
  AssessmentEntity,
  FindingEntity,
  ApiKeyEntity,
  AuditEventEntity,
  TriageDecisionEntity,
  ExceptionEntity,
  ReportEntity,
  ShareLinkEntity,
  TicketEntity,
  TicketFindingEntity,
  JiraSettingsEntity,
  TicketJiraLinkEntity,
  JiraWebhookDeliveryEntity,
];
