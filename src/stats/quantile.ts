/**
 * Sample quantiles, Hyndman & Fan (1996) definition 7: linear interpolation between order
 * statistics at h = (n − 1)·p (0-based), i.e. Q(p) = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
 * It is the default of R (`quantile(type = 7)`), NumPy (`method = 'linear'`) and Excel
 * PERCENTILE.INC, so figures can be checked in any of them.
 */

/** Quantile p ∈ [0, 1] of values already sorted ascending (not checked). Throws when empty. */
export function quantileSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError('quantile of an empty sample');
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile: p must be in [0, 1], got ${p}`);
  const h = (sorted.length - 1) * p;
  const below = Math.floor(h);
  const lower = sorted[below]!;
  if (below === h || below + 1 >= sorted.length) return lower;
  const upper = sorted[below + 1]!;
  return lower + (h - below) * (upper - lower);
}

/** Quantile p of unsorted values (copies and sorts them). */
export function quantile(values: readonly number[], p: number): number {
  return quantileSorted(sortAscending(values), p);
}

/** A sorted copy in numeric order (typed-array sort compares numerically, unlike `Array#sort`). */
export function sortAscending(values: readonly number[]): number[] {
  return Array.from(Float64Array.from(values).sort());
}
