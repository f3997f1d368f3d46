import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadDisclosureModel } from './index.ts';
import { glossChinese } from './zh-gloss.ts';

const model = await loadDisclosureModel();
const check = (text: string) => model.disclosure(text);

describe('disclosure (shipped model, hand-written cases)', () => {
  it('English: own feelings are emotional disclosure', () => {
    assert.equal(check('I feel so lonely tonight, nobody ever calls me.').emotional, true);
    assert.equal(check("My husband left me last week and I can't stop crying.").emotional, true);
  });
  it('English: own personal facts are informational disclosure', () => {
    assert.equal(check('I am 34 years old and I work as a nurse in Ohio.').informational, true);
    assert.equal(check("My husband left me last week and I can't stop crying.").informational, true);
  });
  it('English: task requests and fiction requests are not disclosure (hard negatives)', () => {
    for (const text of [
      'Write a Python function that sorts a list.',
      'Can you tell me the capital of France?',
      'How do I kill a Python process?',
    ]) {
      const result = check(text);
      assert.equal(result.emotional, false, text);
      assert.equal(result.informational, false, text);
      assert.deepEqual(result.evidence, []);
    }
  });
  it('Chinese (glossed): own feelings and own facts', () => {
    assert.equal(check('我今天很难过，觉得很孤独').emotional, true);
    assert.equal(check('我今年三十岁，在上海上班').informational, true);
    assert.equal(check('我老公昨天又跟我吵架了').informational, true);
  });
  it('Chinese: plain task requests are not disclosure', () => {
    for (const text of ['中国的首都是哪里？', '解释一下什么是递归']) {
      const result = check(text);
      assert.equal(result.emotional, false, text);
      assert.equal(result.informational, false, text);
    }
  });
  it('evidence is short feature names, including the Chinese words glossed', () => {
    const result = check('我老公昨天又跟我吵架了');
    assert.ok(result.evidence.some((item) => item.startsWith('informational:')));
    assert.ok(result.evidence.includes('zh:老公→husband'));
    for (const item of result.evidence) assert.ok(item.length < 40, item);
  });
  it('the gloss keeps Latin words and drops unknown Han words', () => {
    assert.deepEqual(glossChinese(['我', '很', '难过', 'ok', '上海']).tokens, ['i', 'so', 'sad', 'ok']);
    assert.deepEqual(glossChinese(['三十岁']).tokens, ['years', 'old']);
  });
  it('empty messages disclose nothing', () => {
    assert.deepEqual(check(''), { emotional: false, informational: false, evidence: [] });
  });
});
