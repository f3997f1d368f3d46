import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sentimentChange } from './sentiment-change.ts';

describe('sentimentChange', () => {
  it('is null below 6 user messages', () => {
    assert.equal(sentimentChange([]), null);
    assert.equal(sentimentChange([-1, -1, 0, 1, 1]), null);
  });
  it('is the mean of the last three minus the mean of the first three', () => {
    assert.equal(sentimentChange([-1, -0.5, -0.5, 0, 0.5, 1]), 1.166667);
    assert.equal(sentimentChange([0, 0, 0, 1, -1, 0.5, 0.5, 0.5]), 0.5);
    assert.equal(sentimentChange([1, 1, 1, 0, -1, -1, -1]), -2);
  });
  it('is 0 for a flat conversation', () => {
    assert.equal(sentimentChange([0.5, 0.5, 0.5, 0.5, 0.5, 0.5]), 0);
  });
});
