import { Module } from '@nestjs/common';
import { ChecksModule } from '../../checks/checks.module';
import { AssessmentDiffRepository } from './assessment-diff.repository';
import { AssessmentDiffService } from './assessment-diff.service';

/** Comparison of two assessments, without routes: the diff route and the report renderer both use it. */
@Module({
  imports: [ChecksModule],
  providers: [AssessmentDiffService, AssessmentDiffRepository],
  exports: [AssessmentDiffService],
})
export class AssessmentDiffModule {}
