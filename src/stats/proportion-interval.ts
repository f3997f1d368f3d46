/**
 * The Wilson score interval for a binomial proportion (Wilson 1927; recommended by Newcombe 1998 and
 * Brown, Cai & DasGupta 2001 over the Wald interval, which collapses at 0 and n).
 *
 * With p̂ = successes / n and z the two-sided normal critical value for `confidence`:
 *
 *   centre = (p̂ + z²/2n) / (1 + z²/n)
 *   half   = z / (1 + z²/n) · √(p̂(1 − p̂)/n + z²/4n²)
 *   [low, high] = [centre − half, centre + half]
 *
 * (no continuity correction). It assumes independent trials: for conversations clustered by
 * participant use `clusterBootstrapProportion` (bootstrap.ts).
 *
 * n = 0: nothing was observed, so `estimate` is null and the interval is the whole range [0, 1].
 */
import { twoSidedZ } from './normal.ts';

export interface ProportionInterval {
  /** successes / n; null when n = 0. */
  estimate: number | null;
  low: number;
  high: number;
}

export function wilsonInterval(successes: number, n: number, confidence = 0.95): ProportionInterval {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`wilsonInterval: n must be a non-negative integer, got ${n}`);
  if (!Number.isInteger(successes) || successes < 0 || successes > n) {
    throw new RangeError(`wilsonInterval: successes must be an integer in [0, n = ${n}], got ${successes}`);
  }
  const z = twoSidedZ(confidence);
  if (n === 0) return { estimate: null, low: 0, high: 1 };
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return {
    estimate: p,
    // At 0 and n the bound is exactly 0 or 1 in exact arithmetic; say so rather than print 1e-17.
    low: successes === 0 ? 0 : Math.max(0, centre - half),
    high: successes === n ? 1 : Math.min(1, centre + half),
  };
}
