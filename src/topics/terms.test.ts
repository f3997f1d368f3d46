import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { topicTerms } from './terms.ts';

describe('topicTerms', () => {
  it('drops placeholders, numbers, one-letter words and English stopwords', () => {
    assert.deepEqual(topicTerms("I'm so stressed about my job, [EMAIL] wrote 42 times x [name]"), [
      'stressed',
      'job',
      'wrote',
      'times',
    ]);
  });

  it('segments Chinese with jieba and drops Chinese stopwords', () => {
    assert.deepEqual(topicTerms('我和男朋友分手了，失恋好难过'), ['男朋友', '分手', '失恋', '难过']);
  });

  it('keeps the possessive stem', () => {
    assert.deepEqual(topicTerms("my boyfriend's mother"), ['boyfriend', 'mother']);
  });
});
