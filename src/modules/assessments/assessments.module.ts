import { Module } from '@nestjs/common';
import { ChecksModule } from '../checks/checks.module';
import { ClustersModule } from '../clusters/clusters.module';
import { EngagementsModule } from '../engagements/engagements.module';
import { AssessmentQueue } from './assessment-queue';
import { AssessmentStoreModule } from './assessment-store.module';
import { AssessmentService } from './assessment.service';
import { AssessmentsController } from './assessments.controller';

/** The assessment routes of the API: create (enqueue), read, list. */
@Module({
  imports: [AssessmentStoreModule, EngagementsModule, ClustersModule, ChecksModule],
  controllers: [AssessmentsController],
  providers: [AssessmentService, AssessmentQueue],
})
export class AssessmentsModule {}
