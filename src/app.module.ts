import { type DynamicModule, Module, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { DatabaseModule } from './common/database/database.module';
import { ErrorFilter } from './common/errors/error.filter';
import { LoggingModule } from './common/logging/logging.module';
import { QueueModule } from './common/queue/queue.module';
import { type AppConfig, loadConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { AssessmentWorkerModule } from './modules/assessments/assessment-worker.module';
import { AssessmentsModule } from './modules/assessments/assessments.module';
import { AuditModule } from './modules/audit/audit.module';
import { ApiKeyGuard } from './modules/auth/api-key.guard';
import { AuthModule } from './modules/auth/auth.module';
import { ChecksModule } from './modules/checks/checks.module';
import { ClustersModule } from './modules/clusters/clusters.module';
import { EngagementsModule } from './modules/engagements/engagements.module';
import { ExceptionsModule } from './modules/exceptions/exceptions.module';
import { FindingsModule } from './modules/findings/findings.module';
import { HealthModule } from './modules/health/health.module';
import { JiraWorkerModule } from './modules/jira/jira-worker.module';
import { JiraModule } from './modules/jira/jira.module';
import { MetricsModule } from './modules/metrics/metrics.module';
import { OrganizationsModule } from './modules/organizations/organizations.module';
import { ReportWorkerModule } from './modules/reports/render/report-worker.module';
import { ReportsModule } from './modules/reports/reports.module';
import { TicketsModule } from './modules/tickets/tickets.module';
import { TriageModule } from './modules/triage/triage.module';

const validation = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  stopAtFirstError: false,
});

/** Composition of the two processes over the same modules. */
@Module({})
export class AppModule {
  /** The HTTP API: every route guarded, every mutation audited, one error shape. */
  static api(config: AppConfig = loadConfig()): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        DatabaseModule,
        QueueModule,
        MetricsModule,
        AuditModule,
        AuthModule,
        OrganizationsModule,
        EngagementsModule,
        ClustersModule,
        AssessmentsModule,
        FindingsModule,
        TriageModule,
        ExceptionsModule,
        ReportsModule,
        TicketsModule,
        JiraModule,
        ChecksModule,
        HealthModule,
      ],
      providers: [
        { provide: APP_GUARD, useExisting: ApiKeyGuard },
        { provide: APP_FILTER, useClass: ErrorFilter },
        { provide: APP_PIPE, useValue: validation },
      ],
    };
  }

  /** The queue consumers, without HTTP. */
  static worker(config: AppConfig = loadConfig()): DynamicModule {
    return {
      module: AppModule,
      // The API applies migrations; a worker never races it to do the same.
      imports: [
        ConfigModule.forRoot({ ...config, runMigrations: false }),
        LoggingModule,
        DatabaseModule,
        QueueModule,
        MetricsModule,
        AssessmentWorkerModule,
        ReportWorkerModule,
        JiraWorkerModule,
      ],
    };
  }
}
