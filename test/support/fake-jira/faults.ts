import type { FailNextOptions, FakeJiraFaults, OutageMode } from './types';

/** Every fault off: `setFaults(NO_FAULTS)` resets a fake between tests. */
export const NO_FAULTS: Readonly<FakeJiraFaults> = {
  rateLimitEvery: 0,
  retryAfterSeconds: 1,
  latencyMs: 0,
  searchLagMs: 0,
};

/** What an authenticated request gets instead of its answer, if anything. */
export type Injection =
  | { type: 'rateLimit'; retryAfterSeconds: number }
  | { type: 'failure'; status: number; applied: boolean }
  | undefined;

/** The fault settings in force and the state they consume: the request count, the armed failures. */
export class FaultInjector {
  private faults: FakeJiraFaults = NO_FAULTS;
  private counted = 0;
  private failures: { status: number; applied: boolean; on?: string }[] = [];
  private outageMode: OutageMode | undefined;

  constructor(initial: Partial<FakeJiraFaults> = {}) {
    this.set(initial);
  }

  set(faults: Partial<FakeJiraFaults>): void {
    if (
      faults.rateLimitEvery !== undefined &&
      !(Number.isInteger(faults.rateLimitEvery) && faults.rateLimitEvery >= 0)
    ) {
      throw new Error(`fake-jira: rateLimitEvery must be a whole number ≥ 0, got ${faults.rateLimitEvery}`);
    }
    this.faults = { ...this.faults, ...faults };
    if (faults.rateLimitEvery !== undefined) {
      this.counted = 0;
    }
  }

  failNext(count: number, status: number, options: FailNextOptions): void {
    if (status < 400 || status > 599) {
      throw new Error(`fake-jira: failNext takes an error status, got ${status}`);
    }
    for (let index = 0; index < count; index += 1) {
      this.failures.push({
        status,
        applied: options.applied === true,
        ...(options.on && { on: options.on }),
      });
    }
  }

  get latencyMs(): number {
    return this.faults.latencyMs;
  }

  get searchLagMs(): number {
    return this.faults.searchLagMs;
  }

  get outage(): OutageMode | undefined {
    return this.outageMode;
  }

  set outage(mode: OutageMode | undefined) {
    this.outageMode = mode;
  }

  /**
   * Counts one authenticated request (`METHOD /path`) and says whether it fails: an armed failure for it
   * first, then the rate limit.
   */
  draw(operation: string): Injection {
    this.counted += 1;
    const armed = this.failures.findIndex((failure) => failure.on === undefined || failure.on === operation);
    if (armed >= 0) {
      const [failure] = this.failures.splice(armed, 1);
      return { type: 'failure', status: failure!.status, applied: failure!.applied };
    }
    const every = this.faults.rateLimitEvery;
    if (every > 0 && this.counted % every === 0) {
      return { type: 'rateLimit', retryAfterSeconds: this.faults.retryAfterSeconds };
    }
    return undefined;
  }

  /** Every fault setting off and nothing armed; an outage lasts until `up()`. */
  clear(): void {
    this.faults = NO_FAULTS;
    this.counted = 0;
    this.failures = [];
  }
}
