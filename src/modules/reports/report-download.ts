import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuditService, failureOf } from '../audit/audit.service';
import { AuditOutcome } from '../audit/entities/audit-event.entity';
import type { Caller } from '../auth/caller';
import { FILE_FORMATS, reportFileName } from './report-file-format';
import type { ReportContent } from './report.repository';

/** How a download was authorized: by an API key, or by a share link (anyone holding the URL). */
export enum DownloadRoute {
  ApiKey = 'report.download',
  ShareLink = 'report.shared_download',
}

/**
 * Sends a report's bytes: its content type, an attachment file name, its sha256 as the ETag (Express answers
 * 304 to a matching If-None-Match). Shared downloads are never cached and never leak the URL as a referrer.
 */
function send(response: Response, { report, content }: ReportContent, route: DownloadRoute): void {
  response.set({
    'Content-Type': FILE_FORMATS[report.format].contentType,
    'Content-Disposition': `attachment; filename="${reportFileName(report)}"`,
    ETag: `"${report.sha256}"`,
    'Cache-Control': route === DownloadRoute.ShareLink ? 'no-store' : 'private, no-cache',
    'X-Content-Type-Options': 'nosniff',
    ...(route === DownloadRoute.ShareLink && { 'Referrer-Policy': 'no-referrer' }),
  });
  response.send(content);
}

/** Every download, through either route, is audited: who (key or link), which report, and how it ended. */
@Injectable()
export class ReportDownloads {
  constructor(private readonly audit: AuditService) {}

  async serve(
    request: Request,
    response: Response,
    route: DownloadRoute,
    caller: Caller | undefined,
    download: () => Promise<ReportContent>,
  ): Promise<void> {
    const base = { request, action: route, targetType: 'report', ...(caller && { caller }) };
    let stored: ReportContent;
    try {
      stored = await download();
    } catch (error) {
      const reportId = typeof request.params['id'] === 'string' ? request.params['id'] : undefined;
      await this.audit.record({ ...base, ...failureOf(error), ...(reportId && { targetId: reportId }) });
      throw error;
    }
    await this.audit.record({
      ...base,
      outcome: AuditOutcome.Success,
      status: 200,
      targetId: stored.report.id,
      organizationId: stored.report.organizationId,
    });
    send(response, stored, route);
  }
}
