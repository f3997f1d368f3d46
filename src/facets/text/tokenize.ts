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

export function tokenize(text: string): string[] {
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
  for (const char of text) {
    if (HAN.test(char)) {
      han += 1;
      letters += 1;
    } else if (/\p{L}/u.test(char)) letters += 1;
  }
  return letters === 0 ? 0 : han / letters;
}
