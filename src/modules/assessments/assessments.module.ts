import { Module } from '@nestjs/common';
import { ChecksModule } from '../checks/checks.module';
import { ClustersModule } from '../clusters/clusters.module';
import { EngagementsModule } from '../engagements/engagements.module';
import { AssessmentQueue } from './assessment-queue';
import { AssessmentStoreModule } from './assessment-store.module';
import { AssessmentService } from './assessment.service';
import { AssessmentsController } from './assessments.controller';
import { AssessmentDiffController } from './diff/assessment-diff.controller';
import { AssessmentDiffModule } from './diff/assessment-diff.module';

/** The assessment routes of the API: create (enqueue), read, list, compare. */
@Module({
  imports: [AssessmentStoreModule, AssessmentDiffModule, EngagementsModule, ClustersModule, ChecksModule],
  controllers: [AssessmentsController, AssessmentDiffController],
  providers: [AssessmentService, AssessmentQueue],
})
export class AssessmentsModule {}
