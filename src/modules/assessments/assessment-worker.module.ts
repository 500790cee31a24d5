import { Module } from '@nestjs/common';
import { ChecksModule } from '../checks/checks.module';
import { ClusterStoreModule } from '../clusters/cluster-store.module';
import { ExceptionStoreModule } from '../exceptions/exception-store.module';
import { FindingsModule } from '../findings/findings.module';
import { TicketSyncQueueModule } from '../jira/push/ticket-sync-queue.module';
import { TriageStoreModule } from '../triage/triage-store.module';
import { AssessmentCollector } from './assessment-collector';
import { AssessmentRunProcessor } from './assessment-run.processor';
import { AssessmentRunner } from './assessment-runner';
import { AssessmentStoreModule } from './assessment-store.module';

/** The assessment-run queue consumer: loaded by the worker process only. */
@Module({
  imports: [
    AssessmentStoreModule,
    ClusterStoreModule,
    FindingsModule,
    ChecksModule,
    ExceptionStoreModule,
    TriageStoreModule,
    TicketSyncQueueModule,
  ],
  providers: [AssessmentCollector, AssessmentRunner, AssessmentRunProcessor],
})
export class AssessmentWorkerModule {}
