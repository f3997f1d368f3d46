/**
 * A three-class polarity model (negative / neutral / positive) made of three one-vs-rest logistic
 * regressions over named features, and its mapping onto the 5-point sentiment scale.
 */
import type { Sentiment } from '../definitions.ts';
import type { Features } from '../linear/features.ts';
import { contributions, FeatureSpace, type SparseVector, type SparseWeights, score } from '../linear/sparse.ts';

export const POLARITIES = ['negative', 'neutral', 'positive'] as const;
export type Polarity = (typeof POLARITIES)[number];

export interface OneVsRestWeights {
  bias: number;
  weights: [string, number][];
}

export interface PolarityModelFile {
  id: string;
  version: number;
  language: 'en' | 'zh';
  trainedOn: string[];
  /** How the 5-point value is made from the three probabilities. */
  scale: {
    /** The winning polarity's share of the (normalised) probabilities at and above which it is ±1 rather than ±0.5. */
    strong: number;
    /** A polar class must beat neutral by this margin of normalised probability, else the message is 0. */
    margin: number;
  };
  /** Chinese only: weight of the English model's probabilities on the message glossed word by word (zh-gloss.ts). */
  glossWeight?: number;
  classes: Record<Polarity, OneVsRestWeights>;
  validation?: Record<string, number>;
}

export interface PolarityPrediction {
  polarity: Polarity;
  /** Normalised probabilities (sum to 1). */
  probabilities: Record<Polarity, number>;
  value: Sentiment;
}

export class PolarityModel {
  private built: { polarity: Polarity; bias: number; weights: Map<string, number> }[] | undefined;

  constructor(readonly file: PolarityModelFile) {}

  /** Built on first use: the run-time sentiment scores through SparsePolarityModel. */
  private get classes(): { polarity: Polarity; bias: number; weights: Map<string, number> }[] {
    this.built ??= POLARITIES.map((polarity) => ({
      polarity,
      bias: this.file.classes[polarity].bias,
      weights: new Map(this.file.classes[polarity].weights),
    }));
    return this.built;
  }

  predict(features: Features): PolarityPrediction {
    const probabilities = this.probabilities(features);
    return { ...decide(probabilities, this.file.scale), probabilities };
  }

  /** Normalised one-vs-rest probabilities. */
  probabilities(features: Features): Record<Polarity, number> {
    const raw = this.classes.map(({ bias, weights }) => {
      let z = bias;
      for (const [name, value] of features) {
        const weight = weights.get(name);
        if (weight !== undefined) z += weight * value;
      }
      return 1 / (1 + Math.exp(-z));
    });
    const total = raw.reduce((a, b) => a + b, 0) || 1;
    return {
      negative: (raw[0] as number) / total,
      neutral: (raw[1] as number) / total,
      positive: (raw[2] as number) / total,
    };
  }

  /** Features that pushed the given polarity up most (for evidence). */
  explain(features: Features, polarity: Polarity, top = 3): string[] {
    const model = this.classes.find((item) => item.polarity === polarity);
    if (!model) return [];
    const contributions: [string, number][] = [];
    for (const [name, value] of features) {
      const weight = model.weights.get(name);
      if (weight !== undefined && weight * value > 0) contributions.push([name, weight * value]);
    }
    return contributions
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, top)
      .map(([name]) => name);
  }
}

/**
 * PolarityModel over SparseVectors (linear/sparse.ts): the three classes share one dictionary, and
 * probabilities() and explain() do PolarityModel's arithmetic in the same order.
 */
export class SparsePolarityModel {
  readonly space: FeatureSpace;
  private readonly classes: readonly SparseWeights[];

  /** What the scorer reads of the file besides the weights (which are not kept). */
  readonly file: Pick<PolarityModelFile, 'id' | 'scale' | 'glossWeight'>;

  constructor(file: PolarityModelFile) {
    this.file = { id: file.id, scale: file.scale, ...(file.glossWeight === undefined ? {} : { glossWeight: file.glossWeight }) };
    const space = new FeatureSpace({ unigrams: ['w:', 'c:'], bigrams: ['b:'] });
    this.classes = POLARITIES.map((polarity) => space.add(file.classes[polarity].bias, file.classes[polarity].weights));
    this.space = space.seal();
  }

  probabilities(vector: SparseVector, indices: Int32Array): Record<Polarity, number> {
    const raw0 = 1 / (1 + Math.exp(-score(this.classes[0] as SparseWeights, vector, indices)));
    const raw1 = 1 / (1 + Math.exp(-score(this.classes[1] as SparseWeights, vector, indices)));
    const raw2 = 1 / (1 + Math.exp(-score(this.classes[2] as SparseWeights, vector, indices)));
    const total = 0 + raw0 + raw1 + raw2 || 1;
    return { negative: raw0 / total, neutral: raw1 / total, positive: raw2 / total };
  }

  explain(vector: SparseVector, indices: Int32Array, polarity: Polarity, top = 3): string[] {
    return contributions(this.classes[POLARITIES.indexOf(polarity)] as SparseWeights, vector, indices)
      .sort((a, b) => b.weight - a.weight || (a.feature < b.feature ? -1 : 1))
      .slice(0, top)
      .map((item) => item.feature);
  }
}

/** The polarity and 5-point value of normalised probabilities. */
export function decide(
  probabilities: Record<Polarity, number>,
  scale: PolarityModelFile['scale'],
): { polarity: Polarity; value: Sentiment } {
  const { negative, neutral, positive } = probabilities;
  const polar: Polarity = positive >= negative ? 'positive' : 'negative';
  const p = Math.max(positive, negative);
  if (p < neutral + scale.margin) return { polarity: 'neutral', value: 0 };
  const sign = polar === 'positive' ? 1 : -1;
  return { polarity: polar, value: (p >= scale.strong ? sign : sign * 0.5) as Sentiment };
}

/** Weighted mean of two probability triples. */
export function blend(a: Record<Polarity, number>, b: Record<Polarity, number>, weightOfB: number): Record<Polarity, number> {
  return {
    negative: a.negative * (1 - weightOfB) + b.negative * weightOfB,
    neutral: a.neutral * (1 - weightOfB) + b.neutral * weightOfB,
    positive: a.positive * (1 - weightOfB) + b.positive * weightOfB,
  };
}
