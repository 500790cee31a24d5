import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssessmentRepository } from './assessment.repository';
import { AssessmentEntity } from './entities/assessment.entity';

/** The assessments table, shared by the API, the worker and the findings routes (which scope by assessment). */
@Module({
  imports: [TypeOrmModule.forFeature([AssessmentEntity])],
  providers: [AssessmentRepository],
  exports: [AssessmentRepository],
})
export class AssessmentStoreModule {}
