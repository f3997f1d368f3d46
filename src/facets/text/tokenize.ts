/**
 * Tokens for the embedded classifiers, English and Chinese alike: Latin words lower-cased, Chinese
 * runs segmented by jieba (a real segmenter: character n-grams alone blur words like 难过/过来),
 * digits folded to <num>. Mixed-language text is common, so both happen in one pass.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';

let jieba: Jieba | undefined;
/**
 * jieba with its default dictionary, read here rather than through `@node-rs/jieba/dict.js`: that
 * module keeps dict.txt and idf.txt (11 MB) alive for good in every thread, and the segmenter
 * needs the bytes only while it builds its own tables.
 */
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(readFileSync(createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt')));
  return jieba;
}

const HAN = /\p{Script=Han}/u;
// A Han run, a Latin/other word (with inner apostrophes), a number, or a lone symbol worth keeping.
// Non-Han letters only in the word branch, so 'python函数' splits into 'python' + '函数'.
export const PIECES =
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
  const kinds: PieceKind[] = [];
  const pieces: string[] = [];
  let runs = 0;
  scanPieces(text.normalize('NFKC').toLowerCase(), (kind, piece) => {
    kinds.push(kind);
    pieces.push(piece);
    if (kind === HAN_RUN) runs += 1;
  });
  const words = runs > 1 ? segmentRuns(pieces.filter((_, i) => kinds[i] === HAN_RUN)) : undefined;
  const tokens: string[] = [];
  let run = 0;
  for (let i = 0; i < pieces.length; i++) {
    const kind = kinds[i];
    const piece = pieces[i] as string;
    if (kind === HAN_RUN) {
      for (const word of words ? (words[run++] as string[]) : segmenter().cut(piece, false))
        if (isHanWord(word)) tokens.push(word);
    } else if (kind === WORD) tokens.push(piece.replace('’', "'"));
    else if (kind === NUMBER) tokens.push('<num>');
    else tokens.push(piece === '？' ? '?' : piece === '！' ? '!' : piece);
  }
  return tokens;
}

/** HAN.test(word), with the common case (a word starting with a CJK ideograph) decided by its first code unit. */
function isHanWord(word: string): boolean {
  const code = word.charCodeAt(0);
  return (code >= 0x4e00 && code <= 0x9fff) || HAN.test(word);
}

const RUN_SEPARATOR = '\n';

/**
 * jieba's words of each Han run, from one call over the runs joined by newlines (one call per run
 * costs more than the segmentation). jieba segments the blocks between non-Han characters on their
 * own, so each run's words are those of a call on the run alone; should the answer not split back
 * into exactly the runs, each run is segmented by itself instead.
 */
function segmentRuns(runs: readonly string[]): string[][] {
  const joined = segmenter().cut(runs.join(RUN_SEPARATOR), false);
  const words: string[][] = [[]];
  let text = '';
  for (const word of joined) {
    if (word === RUN_SEPARATOR) {
      if (text !== runs[words.length - 1]) break;
      words.push([]);
      text = '';
    } else {
      words[words.length - 1]?.push(word);
      text += word;
    }
  }
  if (words.length === runs.length && text === runs[runs.length - 1]) return words;
  return runs.map((run) => segmenter().cut(run, false));
}

// ---------------------------------------------------------------------------------------------
// PIECES without the regex: a scanner over code points with a class table, the same pieces in the
// same order (the regex's per-character Unicode lookaheads were most of the tokenizer's time).

export const HAN_RUN = 1;
export const WORD = 2;
export const NUMBER = 3;
export const SYMBOL = 4;
type PieceKind = typeof HAN_RUN | typeof WORD | typeof NUMBER | typeof SYMBOL;

const OTHER = 0;
const HAN_CHAR = 1;
const LETTER = 2; // \p{L}, not Han
const MARK = 3; // \p{M}, not Han
const DIGIT = 4; // \d (ASCII)
const PUNCT = 5; // [!?？！]
const UNKNOWN = 255;

const LETTER_RE = /\p{L}/u;
const MARK_RE = /\p{M}/u;
const bmpClasses = new Uint8Array(0x10000).fill(UNKNOWN);

function computeClass(cp: number): number {
  const char = String.fromCodePoint(cp);
  if (HAN.test(char)) return HAN_CHAR;
  if (LETTER_RE.test(char)) return LETTER;
  if (MARK_RE.test(char)) return MARK;
  if (cp >= 0x30 && cp <= 0x39) return DIGIT;
  if (cp === 0x21 || cp === 0x3f || cp === 0xff1f || cp === 0xff01) return PUNCT;
  return OTHER;
}

function classOf(cp: number): number {
  if (cp > 0xffff) return computeClass(cp);
  let cls = bmpClasses[cp] as number;
  if (cls === UNKNOWN) {
    cls = computeClass(cp);
    bmpClasses[cp] = cls;
  }
  return cls;
}

/** Calls `emit` for each match of PIECES in `text`, in order (kind = the capture group that matched). */
export function scanPieces(text: string, emit: (kind: PieceKind, piece: string) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const cp = text.codePointAt(i) as number;
    const width = cp > 0xffff ? 2 : 1;
    const cls = classOf(cp);
    if (cls === HAN_CHAR) {
      let j = i + width;
      while (j < n) {
        const next = text.codePointAt(j) as number;
        if (classOf(next) !== HAN_CHAR) break;
        j += next > 0xffff ? 2 : 1;
      }
      emit(HAN_RUN, text.slice(i, j));
      i = j;
    } else if (cls === LETTER || cls === MARK) {
      let j = i + width;
      while (j < n) {
        const next = text.codePointAt(j) as number;
        const nextClass = classOf(next);
        if (nextClass !== LETTER && nextClass !== MARK) break;
        j += next > 0xffff ? 2 : 1;
      }
      // (?:['’](?:(?!\p{Script=Han})\p{L})+)*
      for (;;) {
        const quote = text.charCodeAt(j);
        if (j >= n || (quote !== 0x27 && quote !== 0x2019)) break;
        let k = j + 1;
        while (k < n) {
          const next = text.codePointAt(k) as number;
          if (classOf(next) !== LETTER) break;
          k += next > 0xffff ? 2 : 1;
        }
        if (k === j + 1) break;
        j = k;
      }
      emit(WORD, text.slice(i, j));
      i = j;
    } else if (cls === DIGIT) {
      let j = i + 1;
      while (j < n && isDigit(text.charCodeAt(j))) j++;
      // (?:[.,]\d+)*
      for (;;) {
        const separator = text.charCodeAt(j);
        if (j + 1 >= n || (separator !== 0x2e && separator !== 0x2c) || !isDigit(text.charCodeAt(j + 1))) break;
        j += 2;
        while (j < n && isDigit(text.charCodeAt(j))) j++;
      }
      emit(NUMBER, text.slice(i, j));
      i = j;
    } else {
      if (cls === PUNCT) emit(SYMBOL, text.slice(i, i + width));
      i += width;
    }
  }
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
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
