/**
 * Features of one message for the polarity models, shared by the training script and run time:
 * named word uni/bigrams (jieba for Chinese), Han characters for Chinese, and a fast VADER-lexicon
 * valence (the vader-sentiment package's own lexicon file, with its negation and booster idea in a
 * few lines) — the full vader analyser costs ~45 µs a message, the lexicon pass a few µs.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type Features, normalizeFeatures } from '../linear/features.ts';
import {
  addTokenFeatures as addSparseTokens,
  checkpoint,
  namedKey,
  prefixCode,
  type SparseVector,
  tokenId,
} from '../linear/sparse.ts';
import { hanShare, tokenize } from '../text/tokenize.ts';

/** A message is scored by the Chinese model from this share of Han characters among its letters. */
export const ZH_HAN_SHARE = 0.3;

export type PolarityLanguage = 'en' | 'zh';

let languageOf: { text: string; language: PolarityLanguage } | undefined;

/** Sentiment and disclosure ask in turn about the same message: the last answer is remembered. */
export function messageLanguage(text: string): PolarityLanguage {
  if (languageOf?.text === text) return languageOf.language;
  const language = hanShare(text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text) >= ZH_HAN_SHARE ? 'zh' : 'en';
  languageOf = { text, language };
  return language;
}

let lexicon: Map<string, number> | undefined;

/** VADER's word valences (−4…4), read once from the installed vader-sentiment package. */
export function vaderLexicon(): Map<string, number> {
  if (lexicon) return lexicon;
  const main = createRequire(import.meta.url).resolve('vader-sentiment');
  const file = path.join(path.dirname(main), '..', 'vader_lexicon.txt');
  const map = new Map<string, number>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [word, valence] = line.split('\t');
    if (word && valence !== undefined) map.set(word.toLowerCase(), Number(valence));
  }
  lexicon = map;
  return map;
}

const NEGATIONS = new Set([
  'not',
  'no',
  'never',
  'nothing',
  'nobody',
  'none',
  'nor',
  'neither',
  'without',
  'cannot',
  "don't",
  "doesn't",
  "didn't",
  "isn't",
  "aren't",
  "wasn't",
  "weren't",
  "can't",
  "couldn't",
  "won't",
  "wouldn't",
  "shouldn't",
  "haven't",
  "hasn't",
  "hadn't",
  'dont',
  'doesnt',
  'didnt',
  'isnt',
  'cant',
  'wont',
]);
const BOOSTERS = new Set([
  'very',
  'really',
  'so',
  'extremely',
  'incredibly',
  'totally',
  'absolutely',
  'completely',
  'utterly',
  'truly',
  'super',
  'too',
  'deeply',
  'fucking',
]);

/** VADER-style compound in (−1, 1) from the lexicon over already-made tokens. */
export function lexiconCompound(tokens: readonly string[]): number {
  const lex = vaderLexicon();
  let sum = 0;
  for (let i = 0; i < tokens.length; i++) {
    const valence = lex.get(tokens[i] as string);
    if (valence === undefined || valence === 0) continue;
    let value = valence;
    for (let back = 1; back <= 3 && i - back >= 0; back++) {
      const previous = tokens[i - back] as string;
      if (NEGATIONS.has(previous)) {
        value *= -0.74;
        break;
      }
      if (back === 1 && BOOSTERS.has(previous)) value += value > 0 ? 0.293 : -0.293;
    }
    sum += value;
  }
  let exclamations = 0;
  for (const token of tokens) if (token === '!') exclamations += 1;
  if (sum !== 0) sum += Math.sign(sum) * Math.min(exclamations, 4) * 0.292;
  return sum / Math.sqrt(sum * sum + 15);
}

let lastText: string | undefined;
let lastTokens: readonly string[] = [];

/**
 * Only the head of a message is read: the user's own words come first, long pastes (code, documents)
 * add noise and time (jieba and the n-gram maps cost ~0.3 µs a character).
 */
export const MAX_CHARS = 512;

/** tokenize() of the message head, remembering the last text: sentiment and disclosure read the same message in turn. */
export function messageTokens(text: string): readonly string[] {
  if (text !== lastText) {
    lastTokens = tokenize(text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text);
    lastText = text;
  }
  return lastTokens;
}

/** The feature vector of one message for the model of `language`. */
export function polarityFeatures(text: string, language: PolarityLanguage): Features {
  const features: Features = new Map();
  addTokenFeatures(features, messageTokens(text));
  if (language === 'zh') {
    let chars = 0;
    for (const char of text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text) {
      if (chars >= MAX_CHARS) break;
      if (HAN.test(char)) {
        const name = `c:${char}`;
        features.set(name, (features.get(name) ?? 0) + 1);
        chars += 1;
      }
    }
  }
  return finish(features, messageTokens(text), language);
}

/** English features of already-made tokens (also used for Chinese glossed into English words). */
export function polarityFeaturesFromTokens(tokens: readonly string[], language: PolarityLanguage): Features {
  const features: Features = new Map();
  addTokenFeatures(features, tokens);
  return finish(features, tokens, language);
}

function finish(features: Features, tokens: readonly string[], language: PolarityLanguage): Features {
  normalizeFeatures(features);
  if (language === 'en') {
    const compound = lexiconCompound(tokens);
    if (compound > 0) features.set('vader:pos', compound);
    if (compound < 0) features.set('vader:neg', -compound);
  }
  if (tokens.length <= 3) features.set('len:short', 1);
  return features;
}

const HAN = /\p{Script=Han}/u;

function addTokenFeatures(features: Features, tokens: readonly string[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const unigram = `w:${tokens[i]}`;
    features.set(unigram, (features.get(unigram) ?? 0) + 1);
    if (i + 1 < tokens.length) {
      const bigram = `b:${tokens[i]} ${tokens[i + 1]}`;
      features.set(bigram, (features.get(bigram) ?? 0) + 1);
    }
  }
}

const C = prefixCode('c:');

/** polarityFeatures() into `vector` (run-time form: same features, order and values). */
export function polarityVector(vector: SparseVector, text: string, language: PolarityLanguage): SparseVector {
  checkpoint();
  vector.clear();
  const tokens = messageTokens(text);
  addSparseTokens(vector, tokens, 'w:', 'b:', Number.POSITIVE_INFINITY);
  if (language === 'zh') {
    let chars = 0;
    for (const char of text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text) {
      if (chars >= MAX_CHARS) break;
      if (char.charCodeAt(0) >= 0x80 && HAN.test(char)) {
        vector.add(tokenId(char) * 16 + C, -1, 1);
        chars += 1;
      }
    }
  }
  return finishVector(vector, tokens, language);
}

/**
 * polarityFeaturesFromTokens() into `vector`. No vocabulary checkpoint here: the scorer builds this
 * one while the message's own vector is still in use.
 */
export function polarityVectorFromTokens(
  vector: SparseVector,
  tokens: readonly string[],
  language: PolarityLanguage,
): SparseVector {
  vector.clear();
  addSparseTokens(vector, tokens, 'w:', 'b:', Number.POSITIVE_INFINITY);
  return finishVector(vector, tokens, language);
}

function finishVector(vector: SparseVector, tokens: readonly string[], language: PolarityLanguage): SparseVector {
  vector.normalize();
  if (language === 'en') {
    const compound = lexiconCompound(tokens);
    if (compound > 0) vector.set(namedKey('vader:pos'), -1, compound);
    if (compound < 0) vector.set(namedKey('vader:neg'), -1, -compound);
  }
  if (tokens.length <= 3) vector.set(namedKey('len:short'), -1, 1);
  return vector;
}
