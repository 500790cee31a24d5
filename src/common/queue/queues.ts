import type { DefaultJobOptions } from 'bullmq';

/** Every queue, job name and payload of the service. Payloads carry ids only; state lives in Postgres. */
export enum QueueName {
  AssessmentRun = 'assessment-run',
  ReportRender = 'report-render',
  TicketSync = 'ticket-sync',
}

export enum JobName {
  RunAssessment = 'run-assessment',
  RenderReport = 'render-report',
}

export interface RunAssessmentPayload {
  assessmentId: string;
}

export interface RenderReportPayload {
  reportId: string;
}

export interface JobPayloads {
  [JobName.RunAssessment]: RunAssessmentPayload;
  [JobName.RenderReport]: RenderReportPayload;
}

/** Retry, backoff and retention for every job, in one place. */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};
