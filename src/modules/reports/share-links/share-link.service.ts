import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { SHARED_REPORTS_PATH } from '../../../common/http/secret-paths';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import type { TenantScope } from '../../auth/caller';
import type { ShareLinkEntity } from '../entities/share-link.entity';
import { type ReportContent, ReportRepository } from '../report.repository';
import { ReportService } from '../report.service';
import { ShareLinkRepository } from './share-link.repository';
import { ShareLinkTokens } from './share-link-token';

const HOUR_MS = 3_600_000;

export interface SharedDownload extends ReportContent {
  linkId: string;
}

@Injectable()
export class ShareLinkService {
  private readonly tokens: ShareLinkTokens;
  private readonly publicUrl: string;

  constructor(
    private readonly links: ShareLinkRepository,
    private readonly reports: ReportService,
    private readonly contents: ReportRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.tokens = new ShareLinkTokens(config.encryptionKey, config.previousEncryptionKeys);
    this.publicUrl = config.publicUrl;
  }

  /** A link to one ready report, usable without an API key for `hours`; its URL is returned only now. */
  async create(
    scope: TenantScope,
    reportId: string,
    hours: number,
    createdBy: string,
  ): Promise<{ link: ShareLinkEntity; url: string }> {
    const report = await this.reports.ready(scope, reportId);
    const link = await this.links.insert({
      reportId: report.id,
      organizationId: report.organizationId,
      expiresAt: new Date(Date.now() + hours * HOUR_MS),
      createdBy,
    });
    return { link, url: `${this.publicUrl}${SHARED_REPORTS_PATH}/${this.tokens.sign(link.id)}` };
  }

  async list(scope: TenantScope, reportId: string): Promise<ShareLinkEntity[]> {
    const report = await this.reports.get(scope, reportId);
    return this.links.forReport(report.id);
  }

  async revoke(scope: TenantScope, reportId: string, linkId: string): Promise<ShareLinkEntity> {
    const report = await this.reports.get(scope, reportId);
    const link = await this.links.findOfReport(report.id, linkId);
    if (!link) {
      throw DomainError.notFound('share link');
    }
    await this.links.revoke(link, new Date());
    return link;
  }

  /**
   * The report a token opens, counting the download. 401 for a token that was not issued here (malformed,
   * altered, forged); 410 for one whose link has expired or been revoked.
   */
  async open(token: string): Promise<SharedDownload> {
    const linkId = this.tokens.verify(token);
    if (!linkId) {
      throw new DomainError(ErrorCode.ShareLinkInvalid, 'the share link is not valid');
    }
    const reportId = await this.links.countDownload(linkId);
    if (!reportId) {
      throw await this.unusable(linkId);
    }
    const stored = await this.contents.contentForScope({ kind: 'all' }, reportId);
    if (!stored) {
      throw DomainError.notFound('report');
    }
    return { ...stored, linkId };
  }

  private async unusable(linkId: string): Promise<DomainError> {
    const link = await this.links.findById(linkId);
    if (!link) {
      return new DomainError(ErrorCode.ShareLinkInvalid, 'the share link is not valid');
    }
    return link.revokedAt
      ? new DomainError(ErrorCode.ShareLinkRevoked, 'the share link has been revoked')
      : new DomainError(ErrorCode.ShareLinkExpired, 'the share link has expired');
  }
}
