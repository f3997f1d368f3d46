/**
 * Sparse bag-of-n-gram features by name (`w:lonely`, `b:feel lonely`), so every weight of a shipped
 * model can be read and every decision explained by the features that drove it.
 */
import { tokenize } from '../text/tokenize.ts';

export type Features = Map<string, number>;

export interface FeatureOptions {
  /** Word bigrams as well as unigrams. */
  bigrams?: boolean;
  /** Prefix that keeps feature spaces apart (e.g. 'u' for the user's words, 'a' for the assistant's). */
  prefix?: string;
  /** Cap on tokens read from one text (long pasted documents add noise and time). */
  maxTokens?: number;
}

/** Adds the n-grams of `text` to `features` (counts). */
export function addTextFeatures(features: Features, text: string, options: FeatureOptions = {}): Features {
  const prefix = options.prefix ?? '';
  const tokens = tokenize(text);
  const limit = Math.min(tokens.length, options.maxTokens ?? 2000);
  for (let i = 0; i < limit; i++) {
    const unigram = `${prefix}w:${tokens[i]}`;
    features.set(unigram, (features.get(unigram) ?? 0) + 1);
    if (options.bigrams !== false && i + 1 < limit) {
      const bigram = `${prefix}b:${tokens[i]} ${tokens[i + 1]}`;
      features.set(bigram, (features.get(bigram) ?? 0) + 1);
    }
  }
  return features;
}

/** Sub-linear counts and unit length, so long and short texts weigh alike. */
export function normalizeFeatures(features: Features): Features {
  let norm = 0;
  for (const [name, count] of features) {
    const value = 1 + Math.log(count);
    features.set(name, value);
    norm += value * value;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [name, value] of features) features.set(name, value / norm);
  return features;
}

export function textFeatures(text: string, options: FeatureOptions = {}): Features {
  return normalizeFeatures(addTextFeatures(new Map(), text, options));
}
