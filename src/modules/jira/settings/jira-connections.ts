import { Inject, Injectable } from '@nestjs/common';
import { CredentialCipher } from '../../../common/crypto/credential-cipher';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { createJiraClient, type JiraClient } from '../client/jira-client';
import type { JiraAuth } from '../client/jira-connection';
import type { JiraSettingsEntity } from './jira-settings.entity';

/** What each sealed value is bound to (AES-GCM additional data): a value cannot be moved to another use. */
export const sealContext = {
  token: (organizationId: string) => `jira-token:${organizationId}`,
  webhookSecret: (organizationId: string) => `jira-webhook-secret:${organizationId}`,
};

/** Opens an organization's sealed Jira secrets and builds clients that obey the address policy. */
@Injectable()
export class JiraConnections {
  constructor(
    private readonly cipher: CredentialCipher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  seal(settings: Pick<JiraSettingsEntity, 'organizationId'>, token: string, webhookSecret: string) {
    const sealedToken = this.cipher.seal(token, sealContext.token(settings.organizationId));
    const sealedSecret = this.cipher.seal(webhookSecret, sealContext.webhookSecret(settings.organizationId));
    return {
      keyId: sealedToken.keyId,
      sealedToken: sealedToken.data,
      sealedWebhookSecret: sealedSecret.data,
    };
  }

  client(settings: JiraSettingsEntity): JiraClient {
    const token = this.cipher.open(
      { keyId: settings.keyId, data: settings.sealedToken },
      sealContext.token(settings.organizationId),
    );
    const auth: JiraAuth =
      settings.authType === 'basic'
        ? { type: 'basic', email: settings.email ?? '', apiToken: token }
        : { type: 'bearer', token };
    return createJiraClient({ baseUrl: settings.baseUrl, auth, policy: this.config.clusterNetwork });
  }

  webhookSecret(settings: JiraSettingsEntity): string {
    return this.cipher.open(
      { keyId: settings.keyId, data: settings.sealedWebhookSecret },
      sealContext.webhookSecret(settings.organizationId),
    );
  }
}
