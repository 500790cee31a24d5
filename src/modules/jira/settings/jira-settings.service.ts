import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { resolveAllowedAddresses } from '../../../common/network/address-policy';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import type { TenantScope } from '../../auth/caller';
import { OrganizationRepository } from '../../organizations/organization.repository';
import { jiraBaseUrl } from '../client/jira-connection';
import { DEFAULT_PRIORITY_MAP, isCustomFieldId, type PutJiraSettingsDto } from './dto/jira-settings.dto';
import { JiraConnections } from './jira-connections';
import type { JiraSettingsEntity } from './jira-settings.entity';
import { JiraSettingsRepository } from './jira-settings.repository';
import { verifyJira } from './verify-jira';

/** Custom field values are sent on every create: a few KB is plenty, more is a mistake. */
const MAX_CUSTOM_FIELDS_BYTES = 16 * 1024;

@Injectable()
export class JiraSettingsService {
  constructor(
    private readonly organizations: OrganizationRepository,
    private readonly settings: JiraSettingsRepository,
    private readonly connections: JiraConnections,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Replaces the organization's Jira settings after checking the address rules on the base URL's host. */
  async put(
    scope: TenantScope,
    organizationId: string,
    body: PutJiraSettingsDto,
  ): Promise<JiraSettingsEntity> {
    await this.organization(scope, organizationId);
    const baseUrl = await this.checkedBaseUrl(body.baseUrl);
    if (body.auth.type === 'basic' && !body.auth.email) {
      throw new DomainError(ErrorCode.ValidationFailed, 'basic auth needs the Atlassian account email');
    }
    const customFields = body.customFields ?? {};
    const unknown = Object.keys(customFields).filter((id) => !isCustomFieldId(id));
    if (unknown.length > 0 || JSON.stringify(customFields).length > MAX_CUSTOM_FIELDS_BYTES) {
      throw new DomainError(
        ErrorCode.ValidationFailed,
        `customFields takes customfield_NNNNN ids only, up to ${MAX_CUSTOM_FIELDS_BYTES} bytes of values`,
      );
    }
    return this.settings.put({
      organizationId,
      baseUrl,
      projectKey: body.projectKey,
      issueType: body.issueType,
      authType: body.auth.type,
      email: body.auth.type === 'basic' ? body.auth.email! : null,
      ...this.connections.seal({ organizationId }, body.auth.token, body.webhookSecret),
      priorityMap: body.priorityMap ? { ...body.priorityMap } : DEFAULT_PRIORITY_MAP,
      labels: body.labels ?? [],
      components: body.components ?? [],
      customFields,
    });
  }

  async get(scope: TenantScope, organizationId: string): Promise<JiraSettingsEntity> {
    await this.organization(scope, organizationId);
    const settings = await this.settings.find(organizationId);
    if (!settings) {
      throw DomainError.notFound('Jira settings');
    }
    return settings;
  }

  /** Signs in, reads the project's create screen, and records what a push would miss. */
  async verify(scope: TenantScope, organizationId: string): Promise<JiraSettingsEntity> {
    const settings = await this.get(scope, organizationId);
    const verification = await verifyJira(settings, this.connections.client(settings), new Date());
    await this.settings.recordVerification(organizationId, verification);
    return { ...settings, verification };
  }

  private async organization(scope: TenantScope, id: string): Promise<void> {
    if (!(await this.organizations.findForScope(scope, id))) {
      throw DomainError.notFound('organization');
    }
  }

  private async checkedBaseUrl(value: string): Promise<string> {
    let baseUrl: string;
    try {
      baseUrl = jiraBaseUrl(value, this.config.clusterNetwork);
    } catch (error) {
      throw new DomainError(ErrorCode.JiraBaseUrlInvalid, (error as Error).message);
    }
    await resolveAllowedAddresses(new URL(baseUrl).hostname, this.config.clusterNetwork);
    return baseUrl;
  }
}
