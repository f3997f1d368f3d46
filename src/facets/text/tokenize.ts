/**
 * Tokens for the embedded classifiers, English and Chinese alike: Latin words lower-cased, Chinese
 * runs segmented by jieba (a real segmenter: character n-grams alone blur words like 难过/过来),
 * digits folded to <num>. Mixed-language text is common, so both happen in one pass.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

let jieba: Jieba | undefined;
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

const HAN = /\p{Script=Han}/u;
// A Han run, a Latin/other word (with inner apostrophes), a number, or a lone symbol worth keeping.
// Non-Han letters only in the word branch, so 'python函数' splits into 'python' + '函数'.
const PIECES =
  /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{M}])+(?:['’](?:(?!\p{Script=Han})\p{L})+)*)|(\d+(?:[.,]\d+)*)|([!?？！])/gu;

/**
 * Several facets read the same message; tokens of recent texts are kept (a small bounded memo)
 * so each message is segmented once per conversation. Callers must not mutate the result.
 */
const MEMO_LIMIT = 512;
const memo = new Map<string, readonly string[]>();

export function tokenize(text: string): readonly string[] {
  const cached = memo.get(text);
  if (cached !== undefined) return cached;
  const tokens = tokenizeUncached(text);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(text, tokens);
  return tokens;
}

function tokenizeUncached(text: string): string[] {
  const tokens: string[] = [];
  const normalized = text.normalize('NFKC').toLowerCase();
  for (const match of normalized.matchAll(PIECES)) {
    if (match[1] !== undefined) {
      for (const word of segmenter().cut(match[1], false)) if (HAN.test(word)) tokens.push(word);
    } else if (match[2] !== undefined) tokens.push(match[2].replace('’', "'"));
    else if (match[3] !== undefined) tokens.push('<num>');
    else if (match[4] !== undefined) tokens.push(match[4] === '？' ? '?' : match[4] === '！' ? '!' : match[4]);
  }
  return tokens;
}

/** Share of Han characters among letters: a cheap language signal that also works per message. */
export function hanShare(text: string): number {
  let han = 0;
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // ASCII letters and the common CJK blocks by code; anything else by the (slower) Unicode test.
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)) letters += 1;
    else if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) {
      han += 1;
      letters += 1;
    } else if (code > 0x7f && /\p{L}/u.test(text[i] as string)) letters += 1;
  }
  return letters === 0 ? 0 : han / letters;
}
