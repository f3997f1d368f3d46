/** The seeded PRNG behind k-means++ and the fitting sample (the shared one in src/stats/random.ts), so topics are the same on every run. */
export { SeededRandom as TopicRandom } from '../stats/random.ts';

import type { SeededRandom as TopicRandom } from '../stats/random.ts';

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
