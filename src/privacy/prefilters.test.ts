/**
 * The redactor's cheap prefilters (character facts, cue and pattern gates) must never skip a text
 * or a position that the full expression would match: checked on the planted cases and on seeded
 * random texts built from the characters and words the expressions look for.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Rng } from '../testing/seeded-random.ts';
import { CUE_BEFORE, cueBefore } from './names-en.ts';
import { CHINESE_NAME_PATTERNS, findChineseNames } from './names-zh.ts';
import { NEGATIVES, PLANTED, POSITIVES } from './planted-cases.ts';
import { createRedactor, ipMayAppear, TextFacts } from './redact.ts';

const PIECES = [
  'Mr',
  'Mrs.',
  'Ms',
  'Miss',
  'Mx',
  'Dr',
  'Prof',
  'Sir',
  'Dame',
  'Lady',
  'Lord',
  'name is',
  "Name's",
  'named',
  'name was',
  'Sarah',
  'Connor',
  'James',
  'Smith',
  'The',
  'Windows',
  ' ',
  '  ',
  '\n',
  '\t',
  '\u00a0',
  '.',
  ',',
  ':',
  '::',
  '@',
  '/',
  '1',
  '42',
  '192.168.1.20',
  'fe80::1:2:3',
  '2001:db8:0:1',
  'ab:cd:',
  '我叫',
  '名字是',
  '我姓',
  '落款：',
  '张伟',
  '李',
  '王小明',
  '先生',
  '老师',
  '医生',
  '经理',
  '的',
  '，',
  '。',
  '号',
  '栋',
  '室',
  'x',
  'A',
];

function randomTexts(count: number, seed: number): string[] {
  const rng = new Rng(seed);
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    let text = '';
    const pieces = 1 + Math.floor(rng.next() * 14);
    for (let p = 0; p < pieces; p++) text += PIECES[Math.floor(rng.next() * PIECES.length)];
    texts.push(text);
  }
  return texts;
}

const SAMPLES = [
  ...POSITIVES.map((c) => c.input),
  ...POSITIVES.map((c) => c.output),
  ...NEGATIVES,
  ...PLANTED.map((p) => p.text),
  ...randomTexts(4000, 17),
];

describe('redaction prefilters', () => {
  test('TextFacts answer what the expressions they replace answer', () => {
    for (const text of SAMPLES) {
      const facts = new TextFacts(text);
      assert.equal(facts.digit, /\d/.test(text), text);
      assert.equal(facts.upper, /[A-Z]/.test(text), text);
      assert.equal(facts.han, /[\u4e00-\u9fff]/.test(text), text);
      // The address detector asks for these Chinese characters only when the text has Han characters.
      if (/[号栋幢座室]/.test(text)) assert.ok(facts.han, text);
    }
  });

  test('the IP gate equals the expression it guards', () => {
    for (const text of SAMPLES) assert.equal(ipMayAppear(text, new TextFacts(text)), /\d\.\d|:[\da-f]*:/i.test(text), text);
  });

  test('cueBefore equals CUE_BEFORE on the 16 characters before every position', () => {
    for (const text of SAMPLES) {
      for (let start = 0; start <= text.length; start++) {
        const expected = CUE_BEFORE.test(text.slice(Math.max(0, start - 16), start));
        assert.equal(cueBefore(text, start), expected, `${JSON.stringify(text)} at ${start}`);
      }
    }
  });

  test('a Chinese name pattern never matches a text its gate rules out', () => {
    let matched = 0;
    for (const text of SAMPLES) {
      for (const { pattern, mayMatch } of CHINESE_NAME_PATTERNS) {
        pattern.lastIndex = 0;
        const hit = [...text.matchAll(pattern)].length > 0;
        if (hit) {
          matched += 1;
          assert.ok(mayMatch(text), `${pattern.source.slice(0, 20)}… on ${JSON.stringify(text)}`);
        }
      }
    }
    assert.ok(matched > 50, `only ${matched} matches: the random texts do not exercise the patterns`);
    assert.deepEqual(findChineseNames('我叫张伟。王小明老师好'), [
      { start: 2, end: 4 },
      { start: 2, end: 4 },
      { start: 5, end: 8 },
    ]);
  });

  test('redaction of random texts does not depend on what was redacted before (caches do not leak)', () => {
    const first = createRedactor();
    const second = createRedactor();
    const texts = randomTexts(1500, 99);
    const once = texts.map((text) => first.redact(text));
    for (let i = texts.length - 1; i >= 0; i--) {
      assert.deepEqual(second.redact(texts[i]!), once[i], texts[i]);
    }
  });
});
