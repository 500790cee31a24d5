import { AssessmentStatus } from './entities/assessment.entity';

/** How often a run looks whether it was cancelled: the 2 s a cancel may take, with room to stop. */
const CANCEL_POLL_MS = 500;

export enum StopReason {
  Cancelled = 'cancelled',
  TimeLimit = 'time-limit',
}

/** Raised where a stopped run notices it; the runner turns it into the outcome. */
export class RunStopped extends Error {
  constructor(readonly reason: StopReason) {
    super(
      reason === StopReason.Cancelled ? 'the assessment was cancelled' : 'the assessment ran out of time',
    );
  }
}

/**
 * The signal a run's work honours: aborted when the assessment is cancelled (polled from Postgres, so a cancel
 * through any API replica reaches the worker) or when the run exceeds its time limit.
 */
export class RunControl {
  private readonly controller = new AbortController();
  private readonly poll: NodeJS.Timeout;
  private readonly deadline: NodeJS.Timeout;
  private reason: StopReason | undefined;

  constructor(statusOf: () => Promise<AssessmentStatus | undefined>, timeLimitMs: number) {
    this.poll = setInterval(() => {
      statusOf().then(
        (status) => status === AssessmentStatus.Cancelled && this.stop(StopReason.Cancelled),
        () => undefined,
      );
    }, CANCEL_POLL_MS);
    this.deadline = setTimeout(() => this.stop(StopReason.TimeLimit), timeLimitMs);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Throws RunStopped once the run should stop; called between stages and batches. */
  check(): void {
    if (this.reason) {
      throw new RunStopped(this.reason);
    }
  }

  /** Whatever went wrong after a stop is the stop itself (an aborted request, a closed stream). */
  explain(error: unknown): unknown {
    return this.reason ? new RunStopped(this.reason) : error;
  }

  dispose(): void {
    clearInterval(this.poll);
    clearTimeout(this.deadline);
  }

  private stop(reason: StopReason): void {
    this.reason ??= reason;
    this.controller.abort(new RunStopped(reason));
  }
}
