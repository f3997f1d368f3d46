import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  affectiveBaseline,
  anthropomorphismBaseline,
  baselineConversation,
  baselinePolarity,
  contentCreationBaseline,
  crisisBaseline,
  emotionalDisclosureBaseline,
  informationalDisclosureBaseline,
  polarityOf,
  refusalBaseline,
  vaderPolarity,
  zhWordListPolarity,
} from './baselines.ts';
import { buildConversation } from './datasets/common.ts';

describe('sentiment baselines', () => {
  it('vader: positive, negative, neutral task text', () => {
    assert.equal(vaderPolarity('I am so happy today, this is wonderful!'), 1);
    assert.equal(vaderPolarity('This is terrible and I hate it.'), -1);
    assert.equal(vaderPolarity('Convert this CSV file to JSON.'), 0);
  });

  it('ZH word list: polarity words, negation flips, no words → 0', () => {
    assert.equal(zhWordListPolarity('今天真开心'), 1);
    assert.equal(zhWordListPolarity('我好难过'), -1);
    assert.equal(zhWordListPolarity('我不开心'), -1);
    assert.equal(zhWordListPolarity('请把这段代码改成Python'), 0);
  });

  it('picks the word list for Han text and vader otherwise', () => {
    assert.equal(baselinePolarity('我好难过'), -1);
    assert.equal(baselinePolarity('What a great day!'), 1);
    assert.equal(polarityOf(0.5), 'positive');
    assert.equal(polarityOf(-1), 'negative');
    assert.equal(polarityOf(0), 'neutral');
  });
});

describe('keyword baselines', () => {
  it('refusal phrases, EN and ZH, curly apostrophes included', () => {
    assert.equal(refusalBaseline("I'm sorry, but I can't help with that."), true);
    assert.equal(refusalBaseline('I can’t assist with that request.'), true);
    assert.equal(refusalBaseline('抱歉，我无法提供这方面的帮助。'), true);
    assert.equal(refusalBaseline('Sure! Here is the code.'), false);
  });

  it('affective types by keyword, EN and ZH; a task request has none', () => {
    assert.deepEqual(affectiveBaseline('My boyfriend ignores me'), ['interpersonal_advice']);
    assert.ok(affectiveBaseline('I feel so anxious and depressed').includes('counseling'));
    assert.ok(affectiveBaseline('我最近很焦虑，睡不着').includes('counseling'));
    assert.ok(affectiveBaseline('我好孤独').includes('companionship'));
    assert.deepEqual(affectiveBaseline('Write a SQL query that joins two tables'), []);
  });

  it('crisis keywords: risk before distress; a homonym is not a crisis', () => {
    assert.equal(crisisBaseline('I want to kill myself'), 'risk');
    assert.equal(crisisBaseline('我不想活了'), 'risk');
    assert.equal(crisisBaseline('I feel hopeless'), 'distress');
    assert.equal(crisisBaseline('How do I kill a Python process?'), 'none');
  });

  it('anthropomorphism and content-creation keywords', () => {
    assert.equal(anthropomorphismBaseline('Do you have feelings?'), true);
    assert.equal(anthropomorphismBaseline('我爱你'), true);
    assert.equal(anthropomorphismBaseline('Thanks for the help'), false);
    assert.equal(contentCreationBaseline('Write a poem about autumn'), true);
    assert.equal(contentCreationBaseline('请帮我翻译这段话'), true);
    assert.equal(contentCreationBaseline('What is the capital of France?'), false);
  });

  it('disclosure: first person (+ feeling word)', () => {
    assert.equal(emotionalDisclosureBaseline('I feel so sad today.'), true);
    assert.equal(emotionalDisclosureBaseline('The weather is sad.'), false);
    assert.equal(informationalDisclosureBaseline('My sister lives in Berlin.'), true);
    assert.equal(informationalDisclosureBaseline('Get two notebooks.'), false);
  });
});

describe('baselineConversation', () => {
  it('scores the user side, pushback on the assistant side, and a sentiment change from 6 user messages', () => {
    const texts = ['I am sad.', 'I feel awful.', 'This is terrible.', 'Okay.', 'That is good.', 'Thanks, great help!'];
    const conversation = buildConversation(
      'b1',
      texts.flatMap((text) => [
        { role: 'user' as const, text },
        { role: 'assistant' as const, text: "I can't do that." },
      ]),
      'csv',
      'test',
    );
    assert.ok(conversation);
    const result = baselineConversation(conversation);
    assert.equal(result.pushback, true);
    assert.ok(result.affective.includes('counseling'));
    assert.ok(result.sentiment_change !== null && result.sentiment_change > 0.5);
    const short = buildConversation('b2', [{ role: 'user', text: 'Hi' }], 'csv', 'test');
    assert.ok(short);
    assert.equal(baselineConversation(short).sentiment_change, null);
  });
});
