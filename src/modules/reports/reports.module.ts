import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssessmentStoreModule } from '../assessments/assessment-store.module';
import { ShareLinkEntity } from './entities/share-link.entity';
import { ReportDownloads } from './report-download';
import { ReportQueue } from './report-queue';
import { ReportStoreModule } from './report-store.module';
import { ReportService } from './report.service';
import { ReportsController } from './reports.controller';
import { ShareLinkRepository } from './share-links/share-link.repository';
import { ShareLinkService } from './share-links/share-link.service';
import { SharedReportsController } from './share-links/shared-reports.controller';
import { ShareLinksController } from './share-links/share-links.controller';

/** The report routes of the API: request a rendering, read and download reports, share links. */
@Module({
  imports: [ReportStoreModule, AssessmentStoreModule, TypeOrmModule.forFeature([ShareLinkEntity])],
  controllers: [ReportsController, ShareLinksController, SharedReportsController],
  providers: [ReportService, ReportQueue, ReportDownloads, ShareLinkRepository, ShareLinkService],
})
export class ReportsModule {}
