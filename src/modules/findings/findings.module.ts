import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssessmentStoreModule } from '../assessments/assessment-store.module';
import { ChecksModule } from '../checks/checks.module';
import { FindingEntity } from './entities/finding.entity';
import { FindingRepository } from './finding.repository';
import { FindingsController } from './findings.controller';
import { FindingsService } from './findings.service';

@Module({
  imports: [TypeOrmModule.forFeature([FindingEntity]), AssessmentStoreModule, ChecksModule],
  controllers: [FindingsController],
  providers: [FindingRepository, FindingsService],
  exports: [FindingRepository, FindingsService],
})
export class FindingsModule {}
