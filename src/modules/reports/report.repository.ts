import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { newestFirst, type Page, type PageRequest, toPage } from '../../common/http/paging';
import type { TenantScope } from '../auth/caller';
import { ReportEntity, ReportStatus } from './entities/report.entity';

export type NewReport = Pick<
  ReportEntity,
  | 'organizationId'
  | 'assessmentId'
  | 'engagementId'
  | 'clusterId'
  | 'format'
  | 'confidentiality'
  | 'createdBy'
>;

export interface ReportFilter {
  assessmentId?: string;
  engagementId?: string;
}

/** States a rendering may still move out of; a ready or failed report is never written again. */
const PENDING = [ReportStatus.Queued, ReportStatus.Rendering];

function scoped(scope: TenantScope, id: string): { id: string; organizationId?: string } {
  return scope.kind === 'organization' ? { id, organizationId: scope.organizationId } : { id };
}

@Injectable()
export class ReportRepository {
  constructor(@InjectRepository(ReportEntity) private readonly reports: Repository<ReportEntity>) {}

  insert(report: NewReport): Promise<ReportEntity> {
    return this.reports.save(this.reports.create({ ...report, status: ReportStatus.Queued }));
  }

  /** The report (without its content) when the scope may see it; another tenant's report is simply absent. */
  findForScope(scope: TenantScope, id: string): Promise<ReportEntity | null> {
    return this.reports.findOne({ where: scoped(scope, id) });
  }

  /** A ready report's bytes; read only after the caller was authorized for the report. */
  async content(id: string): Promise<Buffer> {
    const row = await this.reports
      .createQueryBuilder('report')
      .select('report.id')
      .addSelect('report.content')
      .where('report.id = :id AND report.status = :ready', { id, ready: ReportStatus.Ready })
      .getOne();
    if (!row?.content) {
      throw new Error(`report ${id} has no content`);
    }
    return row.content;
  }

  async listForScope(
    scope: TenantScope,
    filter: ReportFilter,
    page: PageRequest,
  ): Promise<Page<ReportEntity>> {
    const query = this.reports.createQueryBuilder('report');
    if (scope.kind === 'organization') {
      query.andWhere('report.organization_id = :scoped', { scoped: scope.organizationId });
    }
    if (filter.assessmentId) {
      query.andWhere('report.assessment_id = :assessmentId', { assessmentId: filter.assessmentId });
    }
    if (filter.engagementId) {
      query.andWhere('report.engagement_id = :engagementId', { engagementId: filter.engagementId });
    }
    return toPage(await newestFirst(query, 'reports', page).getMany(), page);
  }

  /** The report the worker is to render; null once it is ready or failed (a repeated job does nothing). */
  async startRendering(id: string): Promise<ReportEntity | null> {
    const result = await this.reports.update({ id, status: In(PENDING) }, { status: ReportStatus.Rendering });
    return (result.affected ?? 0) > 0 ? this.reports.findOne({ where: { id } }) : null;
  }

  /** Stores the rendered bytes once: only a pending report becomes ready. */
  async finish(id: string, content: Buffer, sha256: string, renderedAt: Date): Promise<void> {
    await this.reports.update(
      { id, status: In(PENDING) },
      { status: ReportStatus.Ready, content, sha256, sizeBytes: content.length, renderedAt },
    );
  }

  async fail(id: string, failure: string): Promise<void> {
    await this.reports.update({ id, status: In(PENDING) }, { status: ReportStatus.Failed, failure });
  }
}
