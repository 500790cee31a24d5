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
  PushTicket = 'push-ticket',
  /** After an assessment: confirm or reopen the cluster's tickets whose issues were moved to Done. */
  VerifyTickets = 'verify-tickets',
  /** Periodic: push what is still owed, and read back Jira statuses a webhook may have missed. */
  CatchUpTickets = 'catch-up-tickets',
}

export interface RunAssessmentPayload {
  assessmentId: string;
}

export interface RenderReportPayload {
  reportId: string;
}

export interface PushTicketPayload {
  ticketId: string;
}

export interface VerifyTicketsPayload {
  assessmentId: string;
}

export type TicketSyncPayload = PushTicketPayload | VerifyTicketsPayload | Record<string, never>;

export interface JobPayloads {
  [JobName.RunAssessment]: RunAssessmentPayload;
  [JobName.RenderReport]: RenderReportPayload;
  [JobName.PushTicket]: PushTicketPayload;
  [JobName.VerifyTickets]: VerifyTicketsPayload;
  [JobName.CatchUpTickets]: Record<string, never>;
}

/** Retry, backoff and retention for every job, in one place. */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};
