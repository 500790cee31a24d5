import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type Repository } from 'typeorm';
import { ShareLinkEntity } from '../entities/share-link.entity';

export type NewShareLink = Pick<ShareLinkEntity, 'reportId' | 'organizationId' | 'expiresAt' | 'createdBy'>;

@Injectable()
export class ShareLinkRepository {
  constructor(@InjectRepository(ShareLinkEntity) private readonly links: Repository<ShareLinkEntity>) {}

  insert(link: NewShareLink): Promise<ShareLinkEntity> {
    return this.links.save(this.links.create(link));
  }

  /** A report's links, newest first (the caller has already been shown the report). */
  forReport(reportId: string): Promise<ShareLinkEntity[]> {
    return this.links.find({ where: { reportId }, order: { createdAt: 'DESC', id: 'DESC' } });
  }

  findOfReport(reportId: string, id: string): Promise<ShareLinkEntity | null> {
    return this.links.findOne({ where: { id, reportId } });
  }

  /** Revokes a link that is not revoked yet; revoking twice keeps the first time. */
  async revoke(link: ShareLinkEntity, at: Date): Promise<void> {
    await this.links.update({ id: link.id, revokedAt: IsNull() }, { revokedAt: at });
  }

  /**
   * Counts a download through the link when it is usable at the database's clock (not revoked, not expired),
   * in one statement: a link revoked while a download starts is never counted as used afterwards.
   */
  async countDownload(id: string): Promise<string | null> {
    const [rows]: [{ report_id: string }[], number] = await this.links.query(
      `UPDATE report_share_links SET downloads = downloads + 1, last_downloaded_at = now()
        WHERE id = $1 AND revoked_at IS NULL AND expires_at > now()
        RETURNING report_id`,
      [id],
    );
    return rows[0]?.report_id ?? null;
  }

  findById(id: string): Promise<ShareLinkEntity | null> {
    return this.links.findOne({ where: { id } });
  }
}
