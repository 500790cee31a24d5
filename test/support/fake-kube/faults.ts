import { SeededRandom } from '../../../bench/synthetic/random';
import type { ServedResource } from './built-in-resources';
import type { FakeKubeFaults } from './types';

/** Every fault off: `setFaults(NO_FAULTS)` resets a fake between tests. */
export const NO_FAULTS: Readonly<FakeKubeFaults> = {
  forbidden: [],
  errorRate: 0,
  retryAfterSeconds: 1,
  seed: 1,
  latencyMs: 0,
  expireContinue: [],
  discovery: false,
};

export type InjectedError = 429 | 500;

/** The fault settings in force, and the state they consume: the generator, the armed expiries. */
export class FaultInjector {
  private faults: FakeKubeFaults = NO_FAULTS;
  private random = new SeededRandom(NO_FAULTS.seed);
  private expiring: string[] = [];

  constructor(initial: Partial<FakeKubeFaults> = {}) {
    this.set(initial);
  }

  set(faults: Partial<FakeKubeFaults>): void {
    if (faults.errorRate !== undefined && !(faults.errorRate >= 0 && faults.errorRate <= 1)) {
      throw new Error(`fake-kube: errorRate must be within 0..1, got ${faults.errorRate}`);
    }
    this.faults = { ...this.faults, ...faults };
    if (faults.seed !== undefined) {
      this.random = new SeededRandom(faults.seed);
    }
    if (faults.expireContinue !== undefined) {
      this.expiring = [...faults.expireContinue];
    }
  }

  get latencyMs(): number {
    return this.faults.latencyMs;
  }

  get retryAfterSeconds(): number {
    return this.faults.retryAfterSeconds;
  }

  appliesToDiscovery(): boolean {
    return this.faults.discovery;
  }

  isForbidden(resource: Pick<ServedResource, 'group' | 'plural'>): boolean {
    return this.faults.forbidden.some((selector) => matches(selector, resource));
  }

  /** Draws whether this request fails, and with which status, from the seeded generator. */
  drawError(): InjectedError | undefined {
    if (this.faults.errorRate === 0 || this.random.next() >= this.faults.errorRate) {
      return undefined;
    }
    return this.random.chance(0.5) ? 429 : 500;
  }

  /** True once per armed resource: the continue token now presented has expired. */
  takeExpiredContinue(resource: ServedResource): boolean {
    const index = this.expiring.findIndex((selector) => matches(selector, resource));
    if (index === -1) {
      return false;
    }
    this.expiring.splice(index, 1);
    return true;
  }
}

/** `plural` names the resource in any group, `group/plural` in that group only. */
function matches(selector: string, resource: Pick<ServedResource, 'group' | 'plural'>): boolean {
  const slash = selector.lastIndexOf('/');
  if (slash === -1) {
    return selector === resource.plural;
  }
  return selector.slice(0, slash) === resource.group && selector.slice(slash + 1) === resource.plural;
}
