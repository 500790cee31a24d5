import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssessmentRepository } from './assessment.repository';
import { AssessmentEntity } from './entities/assessment.entity';
import { AssessmentEvents } from './events/assessment-events';

/** The assessments table, shared by the API, the worker and the findings routes (which scope by assessment). */
@Module({
  imports: [TypeOrmModule.forFeature([AssessmentEntity])],
  providers: [AssessmentRepository, AssessmentEvents],
  exports: [AssessmentRepository, AssessmentEvents],
})
export class AssessmentStoreModule {}
