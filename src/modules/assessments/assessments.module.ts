import { Module } from '@nestjs/common';
import { ChecksModule } from '../checks/checks.module';
import { ClustersModule } from '../clusters/clusters.module';
import { EngagementsModule } from '../engagements/engagements.module';
import { AssessmentQueue } from './assessment-queue';
import { AssessmentStoreModule } from './assessment-store.module';
import { AssessmentService } from './assessment.service';
import { AssessmentsController } from './assessments.controller';
import { AssessmentDiffController } from './diff/assessment-diff.controller';
import { AssessmentDiffRepository } from './diff/assessment-diff.repository';
import { AssessmentDiffService } from './diff/assessment-diff.service';

/** The assessment routes of the API: create (enqueue), read, list, compare. */
@Module({
  imports: [AssessmentStoreModule, EngagementsModule, ClustersModule, ChecksModule],
  controllers: [AssessmentsController, AssessmentDiffController],
  providers: [AssessmentService, AssessmentQueue, AssessmentDiffService, AssessmentDiffRepository],
})
export class AssessmentsModule {}
