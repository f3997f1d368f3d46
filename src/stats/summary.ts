/**
 * Distribution summaries for the intensity figures (conversations, user messages, active days … per
 * participant).
 *
 * - Quantiles (p25, median, p75, p90): Hyndman & Fan definition 7 (see quantile.ts) — R's and
 *   NumPy's default, so a reader can reproduce them.
 * - sd: the sample standard deviation (n − 1 denominator), computed in two passes around the mean.
 * - Missing statistics are `null`, never NaN, so the summary serialises to JSON unchanged: every
 *   statistic is null when n = 0, and sd is null when n = 1.
 *
 * Written here rather than taken from simple-statistics: the few lines needed are simpler than a new
 * dependency, and simple-statistics' `quantile` uses a different (non-interpolating) definition from
 * R/NumPy, which would make the published quartiles hard to reproduce.
 */
import { quantileSorted, sortAscending } from './quantile.ts';

export interface DistributionSummary {
  n: number;
  mean: number | null;
  sd: number | null;
  min: number | null;
  p25: number | null;
  median: number | null;
  p75: number | null;
  p90: number | null;
  max: number | null;
}

/** Summary statistics of finite numbers; throws a RangeError on NaN or ±Infinity. */
export function describe(values: readonly number[]): DistributionSummary {
  const n = values.length;
  for (const value of values) {
    if (!Number.isFinite(value)) throw new RangeError(`describe: values must be finite numbers, got ${value}`);
  }
  if (n === 0) return { n, mean: null, sd: null, min: null, p25: null, median: null, p75: null, p90: null, max: null };
  const sorted = sortAscending(values);
  let sum = 0;
  for (const value of sorted) sum += value;
  const mean = sum / n;
  let squares = 0;
  for (const value of sorted) squares += (value - mean) ** 2;
  return {
    n,
    mean,
    sd: n > 1 ? Math.sqrt(squares / (n - 1)) : null,
    min: sorted[0]!,
    p25: quantileSorted(sorted, 0.25),
    median: quantileSorted(sorted, 0.5),
    p75: quantileSorted(sorted, 0.75),
    p90: quantileSorted(sorted, 0.9),
    max: sorted[n - 1]!,
  };
}
