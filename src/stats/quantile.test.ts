import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { quantile, quantileSorted, sortAscending } from './quantile.ts';

const close = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 1e-12, `${actual} ≠ ${expected}`);

describe('quantile (Hyndman & Fan type 7)', () => {
  it('matches R quantile(1:10, c(0, .25, .5, .75, .9, 1))', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const expected = [1, 3.25, 5.5, 7.75, 9.1, 10];
    [0, 0.25, 0.5, 0.75, 0.9, 1].forEach((p, i) => {
      close(quantile(values, p), expected[i]!);
    });
  });

  it('matches numpy.percentile([2, 4, 4, 4, 5, 5, 7, 9], [25, 50, 75, 90]) and ignores input order', () => {
    const values = [9, 4, 2, 5, 4, 7, 4, 5];
    [0.25, 0.5, 0.75, 0.9].forEach((p, i) => {
      close(quantile(values, p), [4, 4.5, 5.5, 7.6][i]!);
    });
  });

  it('returns the only value of a one-element sample for every p', () => {
    for (const p of [0, 0.3, 1]) assert.equal(quantileSorted([42], p), 42);
  });

  it('rejects an empty sample and p outside [0, 1]', () => {
    assert.throws(() => quantile([], 0.5), RangeError);
    assert.throws(() => quantile([1], 1.5), RangeError);
    assert.throws(() => quantile([1], Number.NaN), RangeError);
  });

  it('sorts numerically, not as strings', () => {
    assert.deepEqual(sortAscending([10, 9, 100, -1]), [-1, 9, 10, 100]);
  });
});
