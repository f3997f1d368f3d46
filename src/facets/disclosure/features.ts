/**
 * Features of one message for the disclosure models: English word uni/bigrams, first-person and
 * feeling-lexicon signals. Chinese messages are glossed word by word into the English feature space
 * with a small hand-written lexicon (zh-gloss.ts), because no Chinese disclosure data exists: the
 * English CL-Aff weights then score the glossed words.
 */
import type { Features } from '../linear/features.ts';
import { normalizeFeatures } from '../linear/features.ts';
import { addTokenFeatures, checkpoint, namedKey, SparseVector } from '../linear/sparse.ts';
import { lexiconCompound, messageLanguage, messageTokens } from '../sentiment/features.ts';
import { glossChinese } from './zh-gloss.ts';

const FIRST_SINGULAR = new Set(['i', 'me', 'my', 'mine', 'myself', "i'm", "i've", "i'd", "i'll", 'im', 'ive']);
const FIRST_PLURAL = new Set(['we', 'us', 'our', 'ours', "we're", "we've"]);

export interface DisclosureInput {
  tokens: readonly string[];
  /** Chinese words that were glossed (for evidence), as `zh:词→gloss`. */
  glossed: Map<string, string>;
  language: 'en' | 'zh';
}

export function disclosureInput(text: string): DisclosureInput {
  const raw = messageTokens(text);
  const language = messageLanguage(text);
  if (language === 'en') return { tokens: raw, glossed: new Map(), language };
  return { ...glossChinese(raw), language };
}

export function disclosureFeatures(input: DisclosureInput): Features {
  const { tokens } = input;
  const features: Features = new Map();
  let singular = 0;
  let plural = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    if (FIRST_SINGULAR.has(token)) singular += 1;
    if (FIRST_PLURAL.has(token)) plural += 1;
    const unigram = `w:${token}`;
    features.set(unigram, (features.get(unigram) ?? 0) + 1);
    if (i + 1 < tokens.length) {
      const bigram = `b:${token} ${tokens[i + 1]}`;
      features.set(bigram, (features.get(bigram) ?? 0) + 1);
    }
  }
  normalizeFeatures(features);
  if (singular > 0) features.set('fp:i', Math.min(singular, 3) / 3);
  if (plural > 0) features.set('fp:we', Math.min(plural, 3) / 3);
  const compound = lexiconCompound(tokens);
  if (compound !== 0) features.set('vader:abs', Math.abs(compound));
  return features;
}

const scratch = new SparseVector();

/** disclosureFeatures() as a SparseVector (run-time form: same features, order and values). Reused: read it before the next call. */
export function disclosureVector(input: DisclosureInput): SparseVector {
  checkpoint();
  const { tokens } = input;
  const vector = scratch.clear();
  let singular = 0;
  let plural = 0;
  for (const token of tokens) {
    if (FIRST_SINGULAR.has(token)) singular += 1;
    if (FIRST_PLURAL.has(token)) plural += 1;
  }
  addTokenFeatures(vector, tokens, 'w:', 'b:', Number.POSITIVE_INFINITY);
  vector.normalize();
  if (singular > 0) vector.set(namedKey('fp:i'), -1, Math.min(singular, 3) / 3);
  if (plural > 0) vector.set(namedKey('fp:we'), -1, Math.min(plural, 3) / 3);
  const compound = lexiconCompound(tokens);
  if (compound !== 0) vector.set(namedKey('vader:abs'), -1, Math.abs(compound));
  return vector;
}
