import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { it } from 'node:test';
import { Jieba } from '@node-rs/jieba';
import { createRandom } from '../../stats/random.ts';
import { needsShared, sharedPath } from '../../testing/shared-datasets.ts';
import { hanShare, PIECES, scanPieces, tokenize } from './tokenize.ts';

it('tokenizes English and Chinese in one pass, splitting mixed runs', () => {
  assert.deepEqual(tokenize("I can't sleep, 我今天很难过! 2024"), [
    'i',
    "can't",
    'sleep',
    '我',
    '今天',
    '很',
    '难过',
    '!',
    '<num>',
  ]);
  assert.deepEqual(tokenize('帮我写一个python函数'), ['帮', '我', '写', '一个', 'python', '函数']);
  assert.ok(hanShare('我很孤独 lonely') > 0.3);
  assert.equal(hanShare('lonely'), 0);
});

/** The pieces as the PIECES regex finds them (the reference the scanner must equal). */
function regexPieces(text: string): [number, string][] {
  const pieces: [number, string][] = [];
  for (const match of text.matchAll(PIECES)) {
    const group = [1, 2, 3, 4].find((g) => match[g] !== undefined) as number;
    pieces.push([group, match[0]]);
  }
  return pieces;
}

function scannedPieces(text: string): [number, string][] {
  const pieces: [number, string][] = [];
  scanPieces(text, (kind, piece) => pieces.push([kind, piece]));
  return pieces;
}

it('scans the same pieces as the PIECES regex, on tricky random text', () => {
  const palette = [
    ...'abcXYZ éü',
    "'",
    '’',
    '‘',
    '\u0301', // combining acute (Mn)
    '\u0903', // Devanagari visarga (Mc)
    'क',
    'я',
    '한',
    'ア',
    '我',
    '爱',
    '々',
    '〇',
    '⺀',
    '𠀀', // Han, outside the BMP
    '😀',
    '\ud800', // lone surrogate
    '\udc00',
    ...'0123456789',
    '.',
    ',',
    '!',
    '?',
    '？',
    '！',
    ' ',
    '\n',
    '-',
    '_',
    '١', // Arabic-Indic digit: not \d
  ];
  const random = createRandom(11);
  for (let round = 0; round < 20_000; round++) {
    let text = '';
    const length = Math.floor(random() * 24);
    for (let i = 0; i < length; i++) text += palette[Math.floor(random() * palette.length)];
    assert.deepEqual(scannedPieces(text), regexPieces(text), JSON.stringify(text));
  }
});

it('scans the same pieces as the PIECES regex on real conversations', needsShared('silver-labels/conversations.jsonl'), () => {
  const lines = readFileSync(sharedPath('silver-labels/conversations.jsonl'), 'utf8').split('\n');
  for (const line of lines) {
    const normalized = line.normalize('NFKC').toLowerCase();
    assert.deepEqual(scannedPieces(normalized), regexPieces(normalized));
    assert.deepEqual(scannedPieces(line), regexPieces(line));
  }
});

/** The tokenizer as first written (PIECES regex, one jieba call per Han run): the reference. */
function referenceTokens(text: string): string[] {
  referenceTokens.jieba ??= Jieba.withDict(readFileSync(createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt')));
  const tokens: string[] = [];
  for (const match of text.normalize('NFKC').toLowerCase().matchAll(PIECES)) {
    if (match[1] !== undefined) {
      for (const word of (referenceTokens.jieba as Jieba).cut(match[1], false))
        if (/\p{Script=Han}/u.test(word)) tokens.push(word);
    } else if (match[2] !== undefined) tokens.push(match[2].replace('’', "'"));
    else if (match[3] !== undefined) tokens.push('<num>');
    else if (match[4] !== undefined) tokens.push(match[4] === '？' ? '?' : match[4] === '！' ? '!' : match[4]);
  }
  return tokens;
}
referenceTokens.jieba = undefined as Jieba | undefined;

it('tokenizes as the reference tokenizer (regex, one jieba call per run) on mixed text', () => {
  const random = createRandom(3);
  const palette = [
    '我',
    '爱',
    '你',
    '々',
    '〇',
    '⺀',
    '𠀀',
    '中国',
    '人们',
    '难过',
    '北京大学',
    ' ',
    ',',
    'ok',
    "it's",
    '3.5',
    '！',
    '\n',
    '😀',
  ];
  for (let round = 0; round < 3000; round++) {
    let text = '';
    const length = Math.floor(random() * 30);
    for (let i = 0; i < length; i++) text += palette[Math.floor(random() * palette.length)];
    assert.deepEqual([...tokenize(text)], referenceTokens(text), JSON.stringify(text));
  }
});

it('tokenizes as the reference tokenizer on Chinese conversations', needsShared('cpsycoun-zh/CPsyCounD_dialogues.jsonl'), () => {
  const lines = readFileSync(sharedPath('cpsycoun-zh/CPsyCounD_dialogues.jsonl'), 'utf8').split('\n').slice(0, 300);
  for (const line of lines) {
    for (const text of [line.slice(0, 400), line.slice(0, 2000)]) assert.deepEqual([...tokenize(text)], referenceTokens(text));
  }
});
