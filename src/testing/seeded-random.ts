/** A small seeded PRNG (mulberry32), so generated data and fuzz cases are the same on every run. */
import { SeededRandom } from '../stats/random.ts';

export class Rng extends SeededRandom {
  between(low: number, high: number): number {
    return low + this.int(high - low + 1);
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
  hex(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += '0123456789abcdef'[this.int(16)];
    return out;
  }
  uuid(): string {
    return `${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-${'89ab'[this.int(4)]}${this.hex(3)}-${this.hex(12)}`;
  }
}
