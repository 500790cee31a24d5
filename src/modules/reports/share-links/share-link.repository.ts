import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type Repository } from 'typeorm';
import { ShareLinkEntity } from '../entities/share-link.entity';

export type NewShareLink = Pick<ShareLinkEntity, 'reportId' | 'organizationId' | 'createdBy'>;

/** A link and the report it opens: what a download through it is audited with. */
export type ShareLinkTarget = Pick<ShareLinkEntity, 'id' | 'reportId' | 'organizationId'>;

@Injectable()
export class ShareLinkRepository {
  constructor(@InjectRepository(ShareLinkEntity) private readonly links: Repository<ShareLinkEntity>) {}

  /** A link that lives `hours` from now at the database's clock: the clock its downloads are checked against. */
  async insert(link: NewShareLink, hours: number): Promise<ShareLinkEntity> {
    const rows: { id: string }[] = await this.links.query(
      `INSERT INTO report_share_links (report_id, organization_id, created_by, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(hours => $4)) RETURNING id`,
      [link.reportId, link.organizationId, link.createdBy, hours],
    );
    return (await this.findById(rows[0]!.id))!;
  }

  /** A report's links, newest first (the caller has already been shown the report). */
  forReport(reportId: string): Promise<ShareLinkEntity[]> {
    return this.links.find({ where: { reportId }, order: { createdAt: 'DESC', id: 'DESC' } });
  }

  findOfReport(reportId: string, id: string): Promise<ShareLinkEntity | null> {
    return this.links.findOne({ where: { id, reportId } });
  }

  /** Revokes a link that is not revoked yet; revoking twice keeps the first time. */
  async revoke(id: string, at: Date): Promise<void> {
    await this.links.update({ id, revokedAt: IsNull() }, { revokedAt: at });
  }

  /**
   * Counts a download through the link when it is usable at the database's clock (not revoked, not expired),
   * in one statement: a link revoked while a download starts is never counted as used afterwards.
   */
  async countDownload(id: string): Promise<ShareLinkTarget | null> {
    const [rows]: [{ id: string; report_id: string; organization_id: string }[], number] =
      await this.links.query(
        `UPDATE report_share_links SET downloads = downloads + 1, last_downloaded_at = now()
        WHERE id = $1 AND revoked_at IS NULL AND expires_at > now()
        RETURNING id, report_id, organization_id`,
        [id],
      );
    const row = rows[0];
    return row ? { id: row.id, reportId: row.report_id, organizationId: row.organization_id } : null;
  }

  findById(id: string): Promise<ShareLinkEntity | null> {
    return this.links.findOne({ where: { id } });
  }
}
