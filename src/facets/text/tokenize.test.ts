import assert from 'node:assert/strict';
import { it } from 'node:test';
import { hanShare, tokenize } from './tokenize.ts';

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
