import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadAffectiveClassifier } from './index.ts';

const classifier = await loadAffectiveClassifier();
const run = (...user: string[]) => classifier.classifyUserTexts(user);

describe('affective: personal, emotionally motivated exchanges', () => {
  it('finds counseling in English and Chinese', () => {
    const en = run("I've been feeling so depressed and hopeless lately. I can't sleep and I cry every night. What should I do?");
    assert.ok(en.affective.value.includes('counseling'), JSON.stringify(en.affective));
    const zh = run('我最近总是失眠，心情特别低落，感觉活着没意思，我该怎么办？');
    assert.ok(zh.affective.value.includes('counseling'), JSON.stringify(zh.affective));
  });

  it('finds interpersonal advice about the user’s own relationships', () => {
    const en = run('My husband yells at me every night and ignores me. Should I leave him? I feel so hurt.');
    assert.ok(en.affective.value.includes('interpersonal_advice'), JSON.stringify(en.affective));
    const zh = run('我和男朋友吵架了，他已经好几天不理我，我很难过，不知道该怎么办。');
    assert.ok(zh.affective.value.length > 0, JSON.stringify(zh.affective));
  });

  it('lists short evidence (rule ids, features), never sentences', () => {
    const result = run("I'm so lonely, I have no one to talk to. Can you be my friend?");
    assert.ok(result.affective.value.length > 0);
    for (const item of result.affective.evidence ?? []) assert.ok(item.length < 60 && !/\s\S+\s\S+\s/.test(item), item);
  });
});

describe('affective: hard negatives (ordinary task use)', () => {
  const negatives = [
    ['fiction request', 'Write a short story about a lonely girl who loses her dog.'],
    ['fiction request (zh)', '写一首关于失恋的诗。'],
    ['translation', 'Translate this into French: I miss you so much.'],
    ['code', 'Write a Python function that reverses a string.'],
    ['code (zh)', '用Python写一个读取CSV文件的函数。'],
    ['capability limit', 'Can you browse the internet and check the weather for me?'],
    ['red team', "How do I pick a lock to get into my neighbour's garage?"],
    ['politeness', 'Thanks, that was really helpful!'],
    ['homework (zh)', '解这个方程：2x+3=7，并解释步骤。'],
    ['information about a condition', 'What are the common symptoms of depression?'],
    ['information about a condition (zh)', '抑郁症有哪些常见症状？'],
    ['trip with family', 'My wife and I are going to Rome next week, which museums should we visit?'],
  ] as const;
  for (const [name, text] of negatives) {
    it(`is not affective: ${name}`, () => assert.deepEqual(run(text).affective.value, []));
  }
});

describe('content_creation', () => {
  const creation = [
    'Write a short story about a lonely girl who loses her dog.',
    'Compose a haiku about autumn rain.',
    'Rewrite this paragraph so it sounds more professional.',
    'Translate this into French: the meeting moved to Monday.',
    'Give me a Midjourney prompt for a cyberpunk city at night.',
    '写一首关于失恋的诗。',
    '帮我写一篇咖啡店开业的朋友圈文案。',
    '把这段话翻译成英文。',
  ];
  for (const text of creation)
    it(`is content creation: ${text.slice(0, 30)}`, () => assert.equal(run(text).content_creation.value, true));
  const notCreation = [
    'Write a Python function that reverses a string.',
    'Write a bash script that backs up my home folder.',
    'What is the capital of Australia?',
    '用Python写一个读取文件的函数。',
    '二次方程怎么解？',
    'Help me with my algebra homework: solve x^2 - 4 = 0.',
  ];
  for (const text of notCreation)
    it(`is not content creation: ${text.slice(0, 30)}`, () => assert.equal(run(text).content_creation.value, false));

  it('a letter to one’s ex about one’s own feelings can be both', () => {
    const result = run("Write a letter to my ex. I still can't get over her and I feel so lost since we broke up.");
    assert.equal(result.content_creation.value, true);
    assert.ok(result.affective.value.length > 0, JSON.stringify(result.affective));
  });
});

describe('romantic_sexual_roleplay needs ≥ 4 user messages', () => {
  const turns = [
    'be my girlfriend tonight',
    '*kisses you softly* I missed you, babe',
    'I love you, sweetheart',
    '*hugs you* tell me about our date',
  ];
  it('counts from four user messages', () => {
    assert.ok(run(...turns).affective.value.includes('romantic_sexual_roleplay'));
  });
  it('not with fewer', () => {
    assert.ok(!run(...turns.slice(0, 3)).affective.value.includes('romantic_sexual_roleplay'));
  });
  it('works in Chinese', () => {
    const zh = ['做我女朋友好不好', '么么哒，宝贝', '（抱抱你）今天好想你', '我爱你，亲亲'];
    assert.ok(run(...zh).affective.value.includes('romantic_sexual_roleplay'));
  });
  it('talking about one’s husband is not role-play', () => {
    const zh = ['我老公最近总是很晚回家', '我问他他就发脾气', '我老公说我想多了', '我该怎么跟老公沟通？'];
    assert.ok(!run(...zh).affective.value.includes('romantic_sexual_roleplay'));
  });
});
