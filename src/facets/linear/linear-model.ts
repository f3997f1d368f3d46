/**
 * A binary logistic-regression model over named sparse features: small, deterministic, and
 * explainable (a decision lists its largest contributions). Trained by `trainLinearModel` in the
 * repo's training scripts; shipped as JSON under models/.
 */
import { createRandom } from '../../stats/random.ts';
import type { Features } from './features.ts';

export interface LinearModelFile {
  id: string;
  version: number;
  /** What it was trained on (dataset folders), for the methods section. */
  trainedOn: string[];
  /** Decision threshold on the probability, chosen on held-out data (see the training script). */
  threshold: number;
  bias: number;
  /** [feature name, weight] pairs. */
  weights: [string, number][];
  /** Held-out metrics measured when the model was trained. */
  validation?: Record<string, number>;
}

export interface Contribution {
  feature: string;
  weight: number;
}

export class LinearModel {
  readonly id: string;
  readonly threshold: number;
  private readonly bias: number;
  private map: Map<string, number> | undefined;

  constructor(readonly file: LinearModelFile) {
    this.id = file.id;
    this.threshold = file.threshold;
    this.bias = file.bias;
  }

  /** Built on first use: the run-time facets score through linear/sparse.ts and never need it. */
  private get weights(): Map<string, number> {
    this.map ??= new Map(this.file.weights);
    return this.map;
  }

  score(features: Features): number {
    let z = this.bias;
    for (const [name, value] of features) {
      const weight = this.weights.get(name);
      if (weight !== undefined) z += weight * value;
    }
    return z;
  }

  probability(features: Features): number {
    return 1 / (1 + Math.exp(-this.score(features)));
  }

  /** The features that pushed the score up most (for the audit view and debugging). */
  explain(features: Features, top = 5): Contribution[] {
    const contributions: Contribution[] = [];
    for (const [name, value] of features) {
      const weight = this.weights.get(name);
      if (weight !== undefined && weight * value > 0) contributions.push({ feature: name, weight: weight * value });
    }
    return contributions.sort((a, b) => b.weight - a.weight).slice(0, top);
  }
}

export interface TrainingExample {
  features: Features;
  label: 0 | 1;
  /** Example weight (e.g. to balance sources). Default 1. */
  weight?: number;
}

export interface TrainOptions {
  epochs?: number;
  learningRate?: number;
  l2?: number;
  seed?: number;
  /** Weight positives so both classes count equally overall. Default true. */
  balance?: boolean;
  /** Keep only this many weights (largest |w|) in the shipped file. */
  maxWeights?: number;
}

/**
 * Small seeded PRNG (mulberry32): training is reproducible run to run. Kept as an alias of
 * `createRandom` (src/stats/random.ts) for existing callers; new code should import that.
 */
export { createRandom as seededRandom };

/** Stochastic gradient descent on the L2-regularised logistic loss. */
export function trainLinearModel(
  examples: readonly TrainingExample[],
  options: TrainOptions = {},
): { bias: number; weights: [string, number][] } {
  const epochs = options.epochs ?? 8;
  const l2 = options.l2 ?? 1e-5;
  const random = createRandom(options.seed ?? 1);
  const positives = examples.filter((example) => example.label === 1).length;
  const negatives = examples.length - positives;
  const positiveWeight = options.balance === false || positives === 0 ? 1 : negatives / positives;
  const weights = new Map<string, number>();
  let bias = 0;
  const order = examples.map((_, i) => i);
  let step = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const index of order) {
      const example = examples[index] as TrainingExample;
      const rate = (options.learningRate ?? 0.5) / (1 + step * 1e-5);
      step += 1;
      let z = bias;
      for (const [name, value] of example.features) z += (weights.get(name) ?? 0) * value;
      const predicted = 1 / (1 + Math.exp(-z));
      const classWeight = example.label === 1 ? positiveWeight : 1;
      const gradient = (predicted - example.label) * classWeight * (example.weight ?? 1);
      bias -= rate * gradient;
      for (const [name, value] of example.features) {
        const weight = weights.get(name) ?? 0;
        weights.set(name, weight - rate * (gradient * value + l2 * weight));
      }
    }
  }
  const kept = [...weights.entries()]
    .filter(([, weight]) => Math.abs(weight) > 1e-4)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || (a[0] < b[0] ? -1 : 1))
    .slice(0, options.maxWeights ?? 20_000)
    .map(([name, weight]): [string, number] => [name, Math.round(weight * 1e5) / 1e5]);
  return { bias: Math.round(bias * 1e5) / 1e5, weights: kept };
}

/**
 * The lowest threshold whose precision on held-out scores reaches `minPrecision`
 * (false positives matter more than misses at low base rates); falls back to the F1-best one.
 */
export function chooseThreshold(scored: readonly { probability: number; label: 0 | 1 }[], minPrecision?: number): number {
  const sorted = [...scored].sort((a, b) => b.probability - a.probability);
  const totalPositives = sorted.filter((item) => item.label === 1).length;
  let truePositives = 0;
  let bestF1 = -1;
  let bestF1Threshold = 0.5;
  let precisionThreshold: number | undefined;
  for (let i = 0; i < sorted.length; i++) {
    const item = sorted[i] as { probability: number; label: 0 | 1 };
    if (item.label === 1) truePositives += 1;
    const next = sorted[i + 1];
    if (next && next.probability === item.probability) continue;
    const precision = truePositives / (i + 1);
    const recall = totalPositives === 0 ? 0 : truePositives / totalPositives;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    if (f1 > bestF1) {
      bestF1 = f1;
      bestF1Threshold = item.probability;
    }
    if (minPrecision !== undefined && precision >= minPrecision) precisionThreshold = item.probability;
  }
  return precisionThreshold ?? bestF1Threshold;
}
