/**
 * Percentile bootstrap intervals, seeded and reproducible (Efron & Tibshirani 1993, ch. 13).
 *
 * `bootstrapInterval`: resample the values with replacement `resamples` times (default 1,000), compute
 * the statistic on each resample, and report the (1 − c)/2 and (1 + c)/2 quantiles of those
 * replicates (Hyndman & Fan type 7, see quantile.ts). `estimate` is the statistic on the original
 * values. The same values, statistic, seed and options always give the same interval.
 *
 * `clusterBootstrapProportion` / `clusterBootstrapMean`: the unit of resampling is the cluster (a
 * participant), not the observation (a conversation) — participants with many similar
 * conversations make observations dependent, and the naive intervals too narrow. Each resample
 * draws as many clusters as there are, with replacement, and computes the pooled ratio
 * Σ successes / Σ n (or Σ sum / Σ n): a ratio estimator weighting every observation equally, which
 * is what the figures report. Clusters with n = 0 carry no observations and are dropped first.
 *
 * Defaults: resamples 1,000, seed 1, confidence 0.95. Random draws come from `createRandom(seed)`
 * (mulberry32). Throws a RangeError on empty input, invalid options, or a statistic that returns a
 * non-finite number.
 */
import { quantileSorted } from './quantile.ts';
import { createRandom } from './random.ts';

export interface BootstrapOptions {
  /** Number of bootstrap resamples. Default 1,000. */
  resamples?: number;
  /** Seed of the resampling PRNG. Default 1. */
  seed?: number;
  /** Two-sided confidence level in (0, 1). Default 0.95. */
  confidence?: number;
}

export interface BootstrapInterval {
  /** The statistic on the original data. */
  estimate: number;
  low: number;
  high: number;
  resamples: number;
}

interface ResolvedOptions {
  resamples: number;
  seed: number;
  confidence: number;
}

function resolve(options: BootstrapOptions): ResolvedOptions {
  const resamples = options.resamples ?? 1000;
  const seed = options.seed ?? 1;
  const confidence = options.confidence ?? 0.95;
  if (!Number.isInteger(resamples) || resamples < 1)
    throw new RangeError(`bootstrap: resamples must be a positive integer, got ${resamples}`);
  if (!Number.isFinite(seed)) throw new RangeError(`bootstrap: seed must be a finite number, got ${seed}`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`bootstrap: confidence must be in (0, 1), got ${confidence}`);
  return { resamples, seed, confidence };
}

function percentileInterval(estimate: number, replicates: Float64Array, confidence: number): BootstrapInterval {
  const sorted = Array.from(replicates.sort());
  const alpha = 1 - confidence;
  return {
    estimate,
    low: quantileSorted(sorted, alpha / 2),
    high: quantileSorted(sorted, 1 - alpha / 2),
    resamples: sorted.length,
  };
}

function checkFinite(value: number, what: string): number {
  if (!Number.isFinite(value)) throw new RangeError(`bootstrap: ${what} is not a finite number (${value})`);
  return value;
}

/** Percentile bootstrap interval of `statistic` over `values` (see the file header). */
export function bootstrapInterval(
  values: readonly number[],
  statistic: (sample: readonly number[]) => number,
  options: BootstrapOptions = {},
): BootstrapInterval {
  const { resamples, seed, confidence } = resolve(options);
  const n = values.length;
  if (n === 0) throw new RangeError('bootstrapInterval: no values');
  const estimate = checkFinite(statistic(values), 'the statistic on the data');
  const random = createRandom(seed);
  const replicates = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    const sample = new Array<number>(n);
    for (let i = 0; i < n; i++) sample[i] = values[Math.floor(random() * n)]!;
    replicates[r] = checkFinite(statistic(sample), `the statistic on resample ${r}`);
  }
  return percentileInterval(estimate, replicates, confidence);
}

/** Cluster bootstrap of a pooled ratio Σ numerator / Σ denominator, resampling clusters. */
function clusterBootstrapRatio(
  numerators: readonly number[],
  denominators: readonly number[],
  options: BootstrapOptions,
): BootstrapInterval {
  const { resamples, seed, confidence } = resolve(options);
  const k = numerators.length;
  if (k === 0) throw new RangeError('cluster bootstrap: no clusters with n > 0');
  let totalNumerator = 0;
  let totalDenominator = 0;
  for (let i = 0; i < k; i++) {
    totalNumerator += numerators[i]!;
    totalDenominator += denominators[i]!;
  }
  const random = createRandom(seed);
  const replicates = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let numerator = 0;
    let denominator = 0;
    for (let i = 0; i < k; i++) {
      const j = Math.floor(random() * k);
      numerator += numerators[j]!;
      denominator += denominators[j]!;
    }
    replicates[r] = numerator / denominator; // every kept cluster has n > 0, so denominator > 0
  }
  return percentileInterval(totalNumerator / totalDenominator, replicates, confidence);
}

function checkClusterN(n: number, index: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`cluster ${index}: n must be a non-negative integer, got ${n}`);
}

/**
 * Interval for the pooled proportion Σ successes / Σ n, resampling clusters (participants) with
 * replacement. Clusters with n = 0 are ignored; throws when none has n > 0.
 */
export function clusterBootstrapProportion(
  clusters: readonly { successes: number; n: number }[],
  options: BootstrapOptions = {},
): BootstrapInterval {
  const successes: number[] = [];
  const ns: number[] = [];
  clusters.forEach((cluster, index) => {
    checkClusterN(cluster.n, index);
    if (!Number.isInteger(cluster.successes) || cluster.successes < 0 || cluster.successes > cluster.n) {
      throw new RangeError(`cluster ${index}: successes must be an integer in [0, n = ${cluster.n}], got ${cluster.successes}`);
    }
    if (cluster.n === 0) return;
    successes.push(cluster.successes);
    ns.push(cluster.n);
  });
  return clusterBootstrapRatio(successes, ns, options);
}

/**
 * Interval for the pooled mean Σ sum / Σ n over all observations, resampling clusters (participants)
 * with replacement; `sum` is the total of a cluster's n observations. Clusters with n = 0 are
 * ignored; throws when none has n > 0.
 */
export function clusterBootstrapMean(
  clusters: readonly { sum: number; n: number }[],
  options: BootstrapOptions = {},
): BootstrapInterval {
  const sums: number[] = [];
  const ns: number[] = [];
  clusters.forEach((cluster, index) => {
    checkClusterN(cluster.n, index);
    if (!Number.isFinite(cluster.sum)) throw new RangeError(`cluster ${index}: sum must be finite, got ${cluster.sum}`);
    if (cluster.n === 0) {
      if (cluster.sum !== 0) throw new RangeError(`cluster ${index}: n = 0 but sum = ${cluster.sum}`);
      return;
    }
    sums.push(cluster.sum);
    ns.push(cluster.n);
  });
  return clusterBootstrapRatio(sums, ns, options);
}
