import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuditService, failureOf } from '../audit/audit.service';
import { AuditOutcome } from '../audit/entities/audit-event.entity';
import type { Caller } from '../auth/caller';
import type { ReportEntity } from './entities/report.entity';
import { FILE_FORMATS, reportFileName } from './report-file-format';
import { ReportRepository } from './report.repository';
import { ShareLinkUnusable } from './share-links/share-link.service';

/** The audit actions of the two ways to download a report. */
export enum DownloadAction {
  /** With an API key. */
  ApiKey = 'report.download',
  /** Through a share link: anyone holding the URL. */
  ShareLink = 'report.shared_download',
}

/** A report the caller may download, and the share link it came through, if any. */
export interface AuthorizedDownload {
  report: ReportEntity;
  shareLinkId?: string;
}

function headers(report: ReportEntity, action: DownloadAction): Record<string, string> {
  return {
    'Content-Type': FILE_FORMATS[report.format].contentType,
    'Content-Disposition': `attachment; filename="${reportFileName(report)}"`,
    ETag: `"${report.sha256}"`,
    'X-Content-Type-Options': 'nosniff',
    // A shared download is never cached, and never tells the next site the URL it came from.
    ...(action === DownloadAction.ShareLink
      ? { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' }
      : { 'Cache-Control': 'private, no-cache' }),
  };
}

/**
 * Sends a report: its content type, an attachment file name, its sha256 as ETag, and 304 without reading the
 * bytes when the caller already has them. Every download, by either route, is audited: who (key or link),
 * which report, and how it ended.
 */
@Injectable()
export class ReportDownloads {
  constructor(
    private readonly audit: AuditService,
    private readonly reports: ReportRepository,
  ) {}

  async serve(
    request: Request,
    response: Response,
    action: DownloadAction,
    caller: Caller | undefined,
    authorize: () => Promise<AuthorizedDownload>,
  ): Promise<void> {
    const base = { request, action, targetType: 'report', ...(caller && { caller }) };
    let download: AuthorizedDownload;
    try {
      download = await authorize();
    } catch (error) {
      await this.audit.record({ ...base, ...failureOf(error), ...this.refusedTarget(request, error) });
      throw error;
    }
    const { report, shareLinkId } = download;
    response.set(headers(report, action));
    const fresh = request.fresh;
    await this.audit.record({
      ...base,
      outcome: AuditOutcome.Success,
      status: fresh ? 304 : 200,
      targetId: report.id,
      organizationId: report.organizationId,
      ...(shareLinkId && { details: { shareLinkId } }),
    });
    if (fresh) {
      response.status(304).end();
      return;
    }
    response.send(await this.reports.content(report.id));
  }

  /** What a refusal is about: the link and report of a dead share link, else the requested report id. */
  private refusedTarget(request: Request, error: unknown) {
    if (error instanceof ShareLinkUnusable) {
      return {
        targetId: error.link.reportId,
        organizationId: error.link.organizationId,
        details: { shareLinkId: error.link.id },
      };
    }
    const id = request.params['id'];
    return typeof id === 'string' ? { targetId: id } : {};
  }
}
