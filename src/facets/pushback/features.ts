/**
 * Features of one assistant reply for the refusal/pushback model: the reply's opening (where refusals
 * sit) as word n-grams, the rest of its first part as words, the bilingual phrase rules as
 * language-neutral features, and a coarse length bucket (refusals are short).
 */
import { addTextFeatures, type Features, normalizeFeatures } from '../linear/features.ts';
import { addTokenFeatures, checkpoint, namedKey, SparseVector } from '../linear/sparse.ts';
import { tokenize } from '../text/tokenize.ts';
import {
  CAPABILITY_RULES,
  DANGER_RULES,
  matchRules,
  normalizeForRules,
  REFUSAL_RULES,
  SELF_TALK_RULES,
  scriptsOf,
} from './phrases.ts';

const HEAD_CHARS = 400;
const BODY_CHARS = 600;
const TAIL_CHARS = 200;
const HAN_HEAD_CHARS = 120;
const HAN_TAIL_CHARS = 80;
const HAN = /\p{Script=Han}/u;

export interface ReplyFeatures {
  features: Features;
  /** Rule ids that fired (a subset of the features). */
  rules: Set<string>;
}

/** The part of a long reply the rules read: its first BODY_CHARS and last TAIL_CHARS characters. */
export function ruleText(text: string): string {
  if (text.length <= BODY_CHARS + TAIL_CHARS) return normalizeForRules(text);
  return normalizeForRules(`${text.slice(0, BODY_CHARS)}\n${text.slice(-TAIL_CHARS)}`);
}

const ALL_RULES = [...REFUSAL_RULES, ...SELF_TALK_RULES, ...DANGER_RULES, ...CAPABILITY_RULES];
/**
 * Every rule of one script in one regex: most replies match none, and one scan that says so costs
 * about half of trying the rules one by one (which happens only on a hit, so the result is the same).
 */
const ANY_LATIN_RULE = new RegExp(
  ALL_RULES.filter((rule) => !rule.pattern.unicode)
    .map((rule) => `(?:${rule.pattern.source})`)
    .join('|'),
);
const ANY_HAN_RULE = new RegExp(
  ALL_RULES.filter((rule) => rule.pattern.unicode)
    .map((rule) => `(?:${rule.pattern.source})`)
    .join('|'),
  'u',
);

export function replyRules(text: string): Set<string> {
  const rules = new Set<string>();
  const normalized = ruleText(text);
  const scripts = scriptsOf(normalized);
  if (!(scripts.latin && ANY_LATIN_RULE.test(normalized)) && !(scripts.han && ANY_HAN_RULE.test(normalized))) return rules;
  matchRules(normalized, REFUSAL_RULES, rules, scripts);
  matchRules(normalized, SELF_TALK_RULES, rules, scripts);
  matchRules(normalized, DANGER_RULES, rules, scripts);
  matchRules(normalized, CAPABILITY_RULES, rules, scripts);
  return rules;
}

function lengthBucket(length: number): string {
  if (length < 60) return 'len:<60';
  if (length < 200) return 'len:<200';
  if (length < 600) return 'len:<600';
  if (length < 1500) return 'len:<1500';
  return 'len:1500+';
}

export function replyFeatures(text: string): ReplyFeatures {
  const trimmed = text.trim();
  // Chinese packs about three times the words into a character: read fewer of them (and spare jieba).
  const han = HAN.test(trimmed.slice(0, 200));
  const headChars = han ? HAN_HEAD_CHARS : HEAD_CHARS;
  const tailChars = han ? HAN_TAIL_CHARS : TAIL_CHARS;
  const head = trimmed.slice(0, headChars);
  const features: Features = new Map();
  addTextFeatures(features, head, { prefix: 'h', bigrams: true, maxTokens: 60 });
  if (trimmed.length > headChars + tailChars) {
    addTextFeatures(features, trimmed.slice(-tailChars), { prefix: 'a', bigrams: false, maxTokens: 50 });
  }
  normalizeFeatures(features);
  const rules = replyRules(trimmed);
  for (const rule of rules) features.set(rule, 1);
  features.set(lengthBucket(trimmed.length), 1);
  return { features, rules };
}

const scratch = new SparseVector();

/** replyFeatures() as a SparseVector (run-time form: same features, order and values). Reused: read it before the next call. */
export function replyVector(text: string): { features: SparseVector; rules: Set<string> } {
  checkpoint();
  const trimmed = text.trim();
  const han = HAN.test(trimmed.slice(0, 200));
  const headChars = han ? HAN_HEAD_CHARS : HEAD_CHARS;
  const tailChars = han ? HAN_TAIL_CHARS : TAIL_CHARS;
  const features = scratch.clear();
  addTokenFeatures(features, tokenize(trimmed.slice(0, headChars)), 'hw:', 'hb:', 60);
  if (trimmed.length > headChars + tailChars) {
    addTokenFeatures(features, tokenize(trimmed.slice(-tailChars)), 'aw:', undefined, 50);
  }
  features.normalize();
  const rules = replyRules(trimmed);
  for (const rule of rules) features.set(namedKey(rule), -1, 1);
  features.set(namedKey(lengthBucket(trimmed.length)), -1, 1);
  return { features, rules };
}

/** The same reply seen through the phrase layer only (used in training so rule weights stand alone). */
export function ruleOnlyFeatures(reply: ReplyFeatures): Features {
  const features: Features = new Map();
  for (const [name, value] of reply.features) if (name.startsWith('rule:') || name.startsWith('len:')) features.set(name, value);
  return features;
}
