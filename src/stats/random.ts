/**
 * A small seeded pseudo-random generator (mulberry32, Tommy Ettinger's 32-bit mixer): uniform on
 * [0, 1), 2^32 period, identical on every platform. Used wherever a result must be reproducible run to
 * run — model training, bootstrap resampling, k-means seeding.
 *
 * The seed is reduced to an unsigned 32-bit integer (`seed >>> 0`), so 1 and 2^32 + 1 give the same
 * stream and fractional parts are dropped. Not for anything security-related.
 */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The same generator as an object, with the integer draw most callers need. */
export class SeededRandom {
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
    return Math.floor(this.uniform() * below);
  }
}
