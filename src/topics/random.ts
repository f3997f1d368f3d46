/** mulberry32: the seeded PRNG behind k-means++ and the fitting sample, so topics are the same on every run. */
export class TopicRandom {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
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
