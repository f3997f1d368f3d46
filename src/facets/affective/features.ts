/**
 * Features of the affective models: the USER's words (prefix `u`, first message counted twice —
 * people say why they came at the start), normalised so long and short conversations weigh alike,
 * plus the hand-written bilingual cue features (`c:<id>`, `c:<id>@1` when in the first message,
 * `t:<id>` for task cues). Shared by the classifier and scripts/train/affective.ts.
 */
import { type Features, normalizeFeatures } from '../linear/features.ts';
import { checkpoint, idsOf, namedKey, prefixCode, SparseVector } from '../linear/sparse.ts';
import { hanShare, tokenize } from '../text/tokenize.ts';
import { AFFECT_CUES, matchCues, TASK_CUES } from './cues.ts';

/** How much of a conversation is read: enough to see why the user came, bounded for speed. */
export const MAX_USER_MESSAGES = 8;
export const MAX_CHARS_PER_MESSAGE = 1000;
export const MAX_TOKENS_PER_MESSAGE = 200;

/**
 * Function words carry no meaning for the definition but do carry the style of a source (and, in
 * the training data, its language): left out so the model cannot learn "Chinese ⇒ affective".
 */
const STOP = new Set(
  (
    'the a an and or but of to in on at for with by from as is are was were be been it its this that these those ' +
    'there here than then so if do does did have has had can could would should will shall may might must about ' +
    'into over under up out not no yes very just also too some any all what which who whom how when where why ' +
    '的 了 和 在 是 就 都 也 与 及 或 而 并 呢 吗 吧 啊 呀 着 过 把 被 对 从 向 给 让 这 那 这个 那个 一个 一些 中 上 下 里 ' +
    '以及 还是 但是 因为 所以 如果 或者 什么 怎么 如何 哪 之 其 为 于 以 等 请 能 会 可以 要 有 没有 很 更 最 又 再 ? ! <num>'
  ).split(' '),
);

/** User-word features (`uw:` unigrams, `ub:` bigrams), tokenising each message once. */
function addUserWords(features: Features, text: string, weight: number): void {
  const tokens = tokenize(text);
  const limit = Math.min(tokens.length, MAX_TOKENS_PER_MESSAGE);
  for (let i = 0; i < limit; i++) {
    const token = tokens[i] as string;
    if (!STOP.has(token)) {
      const unigram = `uw:${token}`;
      features.set(unigram, (features.get(unigram) ?? 0) + weight);
    }
    if (i + 1 < limit) {
      const bigram = `ub:${token} ${tokens[i + 1]}`;
      features.set(bigram, (features.get(bigram) ?? 0) + weight);
    }
  }
}

export interface ConversationView {
  /** The user's messages, in order (already cut to what is read). */
  user: string[];
  /** The number of user messages in the whole conversation. */
  userCount: number;
  /** The lead message: the first with some substance (greetings like "Hi" come before it). */
  lead: number;
}

export function viewOf(userTexts: readonly string[]): ConversationView {
  const user = userTexts
    .filter((text) => text.trim().length > 0)
    .slice(0, MAX_USER_MESSAGES)
    .map((text) => (text.length > MAX_CHARS_PER_MESSAGE ? text.slice(0, MAX_CHARS_PER_MESSAGE) : text));
  const lead = Math.max(
    0,
    user.findIndex((text) => text.length >= 40 || (hanShare(text) > 0.5 && text.length >= 12)),
  );
  return { user, userCount: userTexts.length, lead };
}

export interface CueHits {
  /** Affect cue ids anywhere in the read user text. */
  all: string[];
  /** Affect cue ids in the lead user message. */
  first: string[];
  /** Task cue ids anywhere. */
  task: string[];
}

export function cueHits(view: ConversationView): CueHits {
  const all = new Set<string>();
  const task = new Set<string>();
  let first: string[] = [];
  view.user.forEach((text, i) => {
    const hits = matchCues(text, AFFECT_CUES);
    if (i === view.lead) first = hits;
    for (const id of hits) all.add(id);
    for (const id of matchCues(text, TASK_CUES)) task.add(id);
  });
  return { all: [...all], first, task: [...task] };
}

export function affectiveFeatures(view: ConversationView, hits: CueHits = cueHits(view)): Features {
  const features: Features = new Map();
  view.user.forEach((text, i) => {
    addUserWords(features, text, i === view.lead ? 2 : 1);
  });
  normalizeFeatures(features);
  for (const id of hits.all) features.set(`c:${id}`, 1);
  for (const id of hits.first) features.set(`c:${id}@1`, 1);
  for (const id of hits.task) features.set(`t:${id}`, 1);
  if (hits.all.length >= 2) features.set('c:several', 1);
  if (hits.all.length >= 4) features.set('c:many', 1);
  if (hits.all.length === 0) features.set('c:none', 1);
  return features;
}

const scratch = new SparseVector();
const UW = prefixCode('uw:');
const UB = prefixCode('ub:');

/**
 * affectiveFeatures() as a SparseVector (the classifier's run-time form; same features, same order,
 * same values). The vector is reused: read it before the next call.
 */
export function affectiveVector(view: ConversationView, hits: CueHits): SparseVector {
  checkpoint();
  const vector = scratch.clear();
  view.user.forEach((text, index) => {
    const weight = index === view.lead ? 2 : 1;
    const tokens = tokenize(text);
    const limit = Math.min(tokens.length, MAX_TOKENS_PER_MESSAGE);
    const ids = idsOf(tokens);
    for (let i = 0; i < limit; i++) {
      const current = ids[i] as number;
      if (!STOP.has(tokens[i] as string)) vector.add(current * 16 + UW, -1, weight);
      if (i + 1 < limit) vector.add(current * 16 + UB, ids[i + 1] as number, weight);
    }
  });
  vector.normalize();
  for (const id of hits.all) vector.set(namedKey(`c:${id}`), -1, 1);
  for (const id of hits.first) vector.set(namedKey(`c:${id}@1`), -1, 1);
  for (const id of hits.task) vector.set(namedKey(`t:${id}`), -1, 1);
  if (hits.all.length >= 2) vector.set(namedKey('c:several'), -1, 1);
  if (hits.all.length >= 4) vector.set(namedKey('c:many'), -1, 1);
  if (hits.all.length === 0) vector.set(namedKey('c:none'), -1, 1);
  return vector;
}
