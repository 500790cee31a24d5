const CLUSTER_START = Date.UTC(2024, 2, 1);
const DAY_SECONDS = 86_400;

/** The characters Kubernetes uses in generated name suffixes. */
export const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** Deterministic mulberry32: the same size always yields the same cluster, so runs are comparable. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  chars(alphabet: string, length: number): string {
    let text = '';
    for (let i = 0; i < length; i++) {
      text += alphabet[Math.floor(this.next() * alphabet.length)];
    }
    return text;
  }

  hex(length: number): string {
    return this.chars('0123456789abcdef', length);
  }

  uid(): string {
    return [this.hex(8), this.hex(4), `4${this.hex(3)}`, `a${this.hex(3)}`, this.hex(12)].join('-');
  }

  podSuffix(): string {
    return this.chars(NAME_ALPHABET, 5);
  }

  timestamp(): string {
    const seconds = this.int(0, 90 * DAY_SECONDS);
    return new Date(CLUSTER_START + seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
}
