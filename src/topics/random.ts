/** mulberry32: the seeded PRNG behind k-means++ and the fitting sample, so topics are the same on every run. */
import { createRandom } from '../stats/random.ts';
export class TopicRandom {
  private readonly uniform: () => number;
  constructor(seed: number) {
    this.uniform = createRandom(seed);
  }
  /** Uniform in [0, 1). */
  next(): number {
    return this.uniform();
  }
  /** Uniform integer in [0, below). */
  int(below: number): number {
    return Math.floor(this.next() * below);
  }
}

/** `size` distinct indices of [0, n), chosen with `random`, in ascending order (all of them when size ≥ n). */
export function sampleIndices(n: number, size: number, random: TopicRandom): number[] {
  const all = Array.from({ length: n }, (_, i) => i);
  if (size >= n) return all;
  for (let i = 0; i < size; i++) {
    const j = i + random.int(n - i);
    const swap = all[i] as number;
    all[i] = all[j] as number;
    all[j] = swap;
  }
  return all.slice(0, size).sort((a, b) => a - b);
}
