import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { SHARED_REPORTS_PATH } from '../../../common/http/secret-paths';
import { Public } from '../../auth/auth.decorators';
import { DownloadAction, ReportDownloads } from '../report-download';
import { ShareLinkService } from './share-link.service';

@ApiTags('reports')
@Controller(SHARED_REPORTS_PATH.slice(1))
export class SharedReportsController {
  constructor(
    private readonly links: ShareLinkService,
    private readonly downloads: ReportDownloads,
  ) {}

  @Get(':token')
  @Public('a share link: the signed token in the path is the authorization')
  @ApiOperation({
    summary: 'Download a report through a share link (no API key; audited)',
    description:
      '401 SHARE_LINK_INVALID for a token that was not issued (altered, forged); 410 SHARE_LINK_EXPIRED or ' +
      'SHARE_LINK_REVOKED once the link is no longer usable.',
  })
  @ApiProduces('application/pdf', 'text/markdown')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async download(
    @Param('token') token: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.downloads.serve(request, response, DownloadAction.ShareLink, undefined, async () => {
      const { link, report } = await this.links.open(token);
      return { report, shareLinkId: link.id };
    });
  }
}
