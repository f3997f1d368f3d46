import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contextOf, userTurns } from '../../testing/facet-context.ts';
import { type CrisisDetector, loadCrisisDetector } from './index.ts';
import { riskCues } from './risk-rules.ts';

const context = (userTexts: string[], language = 'en') => contextOf(userTurns(userTexts, 'I hear you. Tell me more.'), language);

const detector: CrisisDetector = await loadCrisisDetector();

describe('crisis: risk (the user’s own suicidal thoughts, self-harm, plans, means, danger now)', () => {
  const risk = [
    'I want to die',
    "I don't want to live anymore",
    'Sometimes I think about killing myself.',
    "I've been cutting myself again and I can't stop",
    'I used to self harm in high school and the urges are back',
    'How many sleeping pills would it take to kill me?',
    'My husband threatened to kill me tonight',
    '我不想活了',
    '好想死啊，活着真没意思',
    '我有时候会割腕',
    '我曾经有过自杀的念头',
    '怎么自杀不痛',
  ];
  for (const text of risk) it(`risk: ${text}`, () => assert.equal(detector.levelOfText(text), 'risk'));

  it('a risk message anywhere in the conversation makes it risk, with rule evidence', () => {
    const decision = detector.detect(context(['can you help me plan my week', 'honestly I just want to end my life']));
    assert.equal(decision.value, 'risk');
    assert.ok(decision.evidence?.every((e) => /^[a-z:-]+$/.test(e) && e.length < 40));
  });
});

describe('crisis: hard negatives are not risk', () => {
  const notRisk = [
    'Write a story where a character wants to die',
    'write a poem about a girl who wants to kill herself',
    'How can I kill a Python process?',
    'this bug is killing me',
    'I wanted to die of embarrassment lol',
    "I'd rather die than use Windows",
    'the lyrics "I want to die" are from which song?',
    'My friend said she wants to die',
    "I've never tried or contemplated suicide",
    "I'm not suicidal, just tired",
    'I cut myself shaving this morning',
    'I hurt myself at the gym yesterday',
    'What are the warning signs of suicide in teenagers?',
    'My mom is going to kill me when she sees my grades',
    'Translate "I want to die" into French',
    '写一个主角想自杀的故事',
    '笑死我了',
    '累死了，今天加班到十点',
    '想死你了！',
    '我朋友想自杀，我该怎么帮她',
    '我从来没想过自杀',
    '自杀式袭击是什么意思',
    '我想你帮我写一段代码',
  ];
  for (const text of notRisk) it(`not risk: ${text}`, () => assert.notEqual(detector.levelOfText(text), 'risk'));

  it('a means question with no personal anchor is only a weak cue', () => {
    assert.deepEqual(
      riskCues('What is the lethal dose of caffeine?').map((c) => c.strength),
      ['weak'],
    );
    assert.equal(detector.levelOfText('What is the lethal dose of caffeine?'), 'none');
  });
});

describe('crisis: distress vs none', () => {
  it('strong personal distress without risk is distress', () => {
    const level = detector.detect(
      context([
        "I feel so hopeless and empty. I can't stop crying every night and I'm completely overwhelmed since my mom passed away.",
        "I can't sleep, I'm exhausted and I feel like a failure at everything.",
      ]),
    ).value;
    assert.equal(level, 'distress');
  });

  it('Chinese distress is distress', () => {
    const level = detector.detect(
      context(['我最近真的很崩溃，每天晚上都失眠，一个人躲在被子里哭，感觉很绝望，压力太大了，不知道该怎么办'], 'zh'),
    ).value;
    assert.equal(level, 'distress');
  });

  const none = [
    ['Thanks! Can you convert this CSV to JSON?'],
    ['Write a sad poem about a lonely lighthouse keeper'],
    ['What is the capital of Australia?', 'And its population?'],
    ['请帮我把这段话翻译成英文：今天天气很好'],
    ['解这道题：一个数的三倍加五等于二十，这个数是多少？'],
    ['How do I fix "permission denied" when running docker?'],
  ];
  for (const texts of none) it(`none: ${texts[0]}`, () => assert.equal(detector.detect(context(texts)).value, 'none'));

  it('none carries no evidence', () => {
    assert.deepEqual(detector.detect(context(['hello there'])), { value: 'none' });
  });
});
