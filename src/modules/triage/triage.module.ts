import { Module } from '@nestjs/common';
import { ExceptionStoreModule } from '../exceptions/exception-store.module';
import { FindingsModule } from '../findings/findings.module';
import { FindingTriageRepository } from './finding-triage.repository';
import { TriageStoreModule } from './triage-store.module';
import { TriageController } from './triage.controller';
import { TriageService } from './triage.service';

/** The triage route of the API (`PATCH /v1/findings/:id`); the worker uses TriageStoreModule only. */
@Module({
  imports: [TriageStoreModule, ExceptionStoreModule, FindingsModule],
  controllers: [TriageController],
  providers: [TriageService, FindingTriageRepository],
})
export class TriageModule {}
