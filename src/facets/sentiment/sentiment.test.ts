import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SENTIMENT_SCALE } from '../definitions.ts';
import { lexiconCompound, messageLanguage } from './features.ts';
import { loadSentimentModel } from './index.ts';

const model = await loadSentimentModel();
const value = (text: string) => model.sentiment(text).value;

describe('sentiment (shipped models, hand-written cases)', () => {
  it('gives values on the 5-point scale with evidence for non-zero values', () => {
    for (const text of ['I feel so lonely tonight, nobody ever calls me.', 'Thank you so much, this made my day!', '你好']) {
      const result = model.sentiment(text);
      assert.ok(SENTIMENT_SCALE.includes(result.value));
      if (result.value !== 0) {
        assert.ok(result.evidence.length > 0);
        for (const item of result.evidence) assert.ok(item.length < 40, item);
      }
    }
  });
  it('English: negative feelings are negative, thanks and joy positive', () => {
    assert.ok(value('I feel so lonely tonight, nobody ever calls me.') < 0);
    assert.ok(value("I'm really scared and anxious about my surgery tomorrow.") < 0);
    assert.equal(value('I hate my job and I feel worthless.'), -1);
    assert.ok(value('Thank you so much, this made my day!') > 0);
    assert.ok(value('I am so happy, I got the job!!') > 0);
  });
  it('English: task messages without emotional tone are 0 (hard negatives)', () => {
    assert.equal(value('Write a Python function that sorts a list.'), 0);
    assert.equal(value('How do I kill a Python process?'), 0);
    assert.equal(value('Can you tell me the capital of France?'), 0);
    assert.equal(value('Summarize the following article in three bullet points.'), 0);
  });
  it('Chinese: negative feelings are negative, thanks and joy positive', () => {
    assert.ok(value('我真的受不了了，每天都想哭') < 0);
    assert.ok(value('我老公昨天又跟我吵架了，气死我了') < 0);
    assert.ok(value('太好了，问题解决了，谢谢！') > 0);
  });
  it('Chinese: plain task messages are 0', () => {
    assert.equal(value('写一首关于秋天的诗'), 0);
    assert.equal(value('中国的首都是哪里？'), 0);
    assert.equal(value('请把这段话翻译成英文'), 0);
  });
  it('empty or symbol-only messages are 0', () => {
    assert.deepEqual(model.sentiment(''), { value: 0, evidence: [] });
    assert.deepEqual(model.sentiment('```\n}\n```'), { value: 0, evidence: [] });
  });
  it('chooses the model per message by Han share (mixed-language conversations)', () => {
    assert.equal(messageLanguage('I feel sad'), 'en');
    assert.equal(messageLanguage('我很难过'), 'zh');
    assert.equal(messageLanguage('帮我 fix 这个 bug'), 'zh');
    assert.equal(messageLanguage('please explain 递归 in Python with an example'), 'en');
  });
  it('the VADER-lexicon valence handles negation', () => {
    assert.ok(lexiconCompound(['i', 'am', 'happy']) > 0);
    assert.ok(lexiconCompound(['i', 'am', 'not', 'happy']) < 0);
  });
  it('is deterministic', () => {
    const text = 'I was nervous about the exam but it went great.';
    assert.deepEqual(model.sentiment(text), model.sentiment(text));
  });
});
