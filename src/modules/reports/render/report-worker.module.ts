import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import type { ReportInput } from '../../../reports/report-input';
import { AssessmentStoreModule } from '../../assessments/assessment-store.module';
import { AssessmentDiffModule } from '../../assessments/diff/assessment-diff.module';
import { ChecksModule } from '../../checks/checks.module';
import { ReportStoreModule } from '../report-store.module';
import { readConsultancyLogo } from './consultancy-logo';
import { CONSULTANCY, ReportInputs } from './report-inputs';
import { ReportRenderProcessor } from './report-render.processor';
import { ReportRenderer } from './report-renderer';
import { ReportSourcesRepository } from './report-sources.repository';

/** The report-render queue consumer: loaded by the worker process only. */
@Module({
  imports: [ReportStoreModule, AssessmentStoreModule, AssessmentDiffModule, ChecksModule],
  providers: [
    {
      provide: CONSULTANCY,
      inject: [APP_CONFIG],
      useFactory: ({ consultancy }: AppConfig): ReportInput['consultancy'] => ({
        name: consultancy.name,
        ...(consultancy.logoPath && { logo: readConsultancyLogo(consultancy.logoPath) }),
      }),
    },
    ReportSourcesRepository,
    ReportInputs,
    ReportRenderer,
    ReportRenderProcessor,
  ],
})
export class ReportWorkerModule {}
