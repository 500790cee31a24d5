import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { SHARED_REPORTS_PATH } from '../../../common/http/secret-paths';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import type { TenantScope } from '../../auth/caller';
import type { ReportEntity } from '../entities/report.entity';
import type { ShareLinkEntity } from '../entities/share-link.entity';
import { ReportService } from '../report.service';
import { ShareLinkRepository, type ShareLinkTarget } from './share-link.repository';
import { ShareLinkTokens } from './share-link-token';

/** A share link that is no longer usable (410), naming the link and report for the audit trail. */
export class ShareLinkUnusable extends DomainError {
  constructor(
    code: ErrorCode.ShareLinkExpired | ErrorCode.ShareLinkRevoked,
    readonly link: ShareLinkTarget,
  ) {
    super(
      code,
      code === ErrorCode.ShareLinkRevoked ? 'the share link has been revoked' : 'the share link has expired',
    );
  }
}

function invalid(): DomainError {
  return new DomainError(ErrorCode.ShareLinkInvalid, 'the share link is not valid');
}

@Injectable()
export class ShareLinkService {
  private readonly tokens: ShareLinkTokens;
  private readonly publicUrl: string;

  constructor(
    private readonly links: ShareLinkRepository,
    private readonly reports: ReportService,
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
    const link = await this.links.insert(
      { reportId: report.id, organizationId: report.organizationId, createdBy },
      hours,
    );
    return { link, url: `${this.publicUrl}${SHARED_REPORTS_PATH}/${this.tokens.sign(link.id)}` };
  }

  async list(scope: TenantScope, reportId: string): Promise<ShareLinkEntity[]> {
    const report = await this.reports.get(scope, reportId);
    return this.links.forReport(report.id);
  }

  /** Revokes the link at once; the link is returned for the audit trail (the route answers 204). */
  async revoke(scope: TenantScope, reportId: string, linkId: string): Promise<ShareLinkEntity> {
    const report = await this.reports.get(scope, reportId);
    const link = await this.links.findOfReport(report.id, linkId);
    if (!link) {
      throw DomainError.notFound('share link');
    }
    await this.links.revoke(link.id, new Date());
    return link;
  }

  /**
   * The report a token opens, counting the download; read within the link's organization. 401 for a token
   * that was not issued here (malformed, altered, forged); 410 for one whose link expired or was revoked.
   */
  async open(token: string): Promise<{ link: ShareLinkTarget; report: ReportEntity }> {
    const linkId = this.tokens.verify(token);
    if (!linkId) {
      throw invalid();
    }
    const link = await this.links.countDownload(linkId);
    if (!link) {
      throw await this.unusable(linkId);
    }
    const report = await this.reports.ready(
      { kind: 'organization', organizationId: link.organizationId },
      link.reportId,
    );
    return { link, report };
  }

  private async unusable(linkId: string): Promise<DomainError> {
    const link = await this.links.findById(linkId);
    if (!link) {
      return invalid();
    }
    return new ShareLinkUnusable(
      link.revokedAt ? ErrorCode.ShareLinkRevoked : ErrorCode.ShareLinkExpired,
      link,
    );
  }
}
