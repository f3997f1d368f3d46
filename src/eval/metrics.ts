/**
 * The metrics of the evaluation table. Undefined values (no positives and no predictions, a constant
 * ranking) are null, never a made-up 0 or 1.
 */

export interface Confusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export function confusion(pairs: Iterable<{ gold: boolean; predicted: boolean }>): Confusion {
  const counts: Confusion = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const { gold, predicted } of pairs) {
    if (gold && predicted) counts.tp += 1;
    else if (predicted) counts.fp += 1;
    else if (gold) counts.fn += 1;
    else counts.tn += 1;
  }
  return counts;
}

/** tp / (tp + fp); null with no predicted positives. */
export function precision(c: Confusion): number | null {
  return c.tp + c.fp === 0 ? null : c.tp / (c.tp + c.fp);
}

/** tp / (tp + fn); null with no gold positives. */
export function recall(c: Confusion): number | null {
  return c.tp + c.fn === 0 ? null : c.tp / (c.tp + c.fn);
}

/** 2tp / (2tp + fp + fn); null when there are neither gold nor predicted positives. */
export function f1(c: Confusion): number | null {
  const denominator = 2 * c.tp + c.fp + c.fn;
  return denominator === 0 ? null : (2 * c.tp) / denominator;
}

/** fp / (fp + tn); null with no gold negatives. */
export function falsePositiveRate(c: Confusion): number | null {
  return c.fp + c.tn === 0 ? null : c.fp / (c.fp + c.tn);
}

export interface MacroF1 {
  value: number | null;
  perClass: Record<string, number | null>;
  /** Pairs whose gold label is one of the classes. */
  n: number;
}

/**
 * Mean of the one-vs-rest F1 over `classes`. Pairs whose gold label is not one of the classes are left
 * out; a prediction outside the classes (e.g. `neutral` when only positive/negative are scored) counts
 * as a miss of the gold class. A class with no gold and no predicted item has no F1 and is left out of
 * the mean.
 */
export function macroF1<C extends string>(pairs: readonly { gold: C; predicted: C }[], classes: readonly C[]): MacroF1 {
  const scored = pairs.filter((pair) => classes.includes(pair.gold));
  const perClass: Record<string, number | null> = {};
  let sum = 0;
  let counted = 0;
  for (const label of classes) {
    const value = f1(confusion(scored.map((pair) => ({ gold: pair.gold === label, predicted: pair.predicted === label }))));
    perClass[label] = value;
    if (value !== null) {
      sum += value;
      counted += 1;
    }
  }
  return { value: counted === 0 ? null : sum / counted, perClass, n: scored.length };
}

/** Ranks 1..n, ties getting the average of the ranks they span. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const ranks = new Array<number>(values.length);
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.value === order[start]!.value) end += 1;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k]!.index] = rank;
    start = end + 1;
  }
  return ranks;
}

/** Pearson correlation; null for fewer than 2 pairs or a constant side. */
export function pearson(x: readonly number[], y: readonly number[]): number | null {
  if (x.length !== y.length) throw new Error('pearson: x and y differ in length');
  const n = x.length;
  if (n < 2) return null;
  const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / n;
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}

/** Spearman rank correlation: Pearson on average ranks (ties handled). */
export function spearman(x: readonly number[], y: readonly number[]): number | null {
  if (x.length !== y.length) throw new Error('spearman: x and y differ in length');
  return pearson(averageRanks(x), averageRanks(y));
}

const Z95 = 1.959963984540054;

/** Wilson score interval (95%) for `successes` out of `n`; [0, 1] when n is 0. */
export function wilson(successes: number, n: number, z = Z95): [number, number] {
  if (n === 0) return [0, 1];
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return [Math.max(0, center - half), Math.min(1, center + half)];
}

/** successes / n with its Wilson interval; null value when n is 0. */
export function rate(successes: number, n: number): { value: number | null; interval: [number, number] } {
  return { value: n === 0 ? null : successes / n, interval: wilson(successes, n) };
}
