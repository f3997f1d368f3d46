import assert from 'node:assert/strict';
import { it, describe as suite } from 'node:test';
import { describe } from './summary.ts';

const close = (actual: number | null, expected: number, tolerance = 1e-12) =>
  assert.ok(actual !== null && Math.abs(actual - expected) <= tolerance, `${actual} ≠ ${expected}`);

suite('describe', () => {
  it('matches R summary statistics of 1:10', () => {
    // R: mean 5.5, sd(1:10) = 3.0276503540974917, quantile(type 7) 3.25 / 5.5 / 7.75 / 9.1.
    const s = describe([10, 3, 7, 1, 5, 2, 9, 4, 8, 6]);
    assert.equal(s.n, 10);
    close(s.mean, 5.5);
    close(s.sd, 3.0276503540974917);
    assert.equal(s.min, 1);
    close(s.p25, 3.25);
    close(s.median, 5.5);
    close(s.p75, 7.75);
    close(s.p90, 9.1);
    assert.equal(s.max, 10);
  });

  it('matches a textbook sample: 2 4 4 4 5 5 7 9 (mean 5, sample sd √(32/7))', () => {
    const s = describe([2, 4, 4, 4, 5, 5, 7, 9]);
    close(s.mean, 5);
    close(s.sd, Math.sqrt(32 / 7));
    close(s.p25, 4);
    close(s.median, 4.5);
    close(s.p75, 5.5);
    close(s.p90, 7.6);
  });

  it('is accurate for values with a large common offset (two-pass sd)', () => {
    const s = describe([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]);
    close(s.mean, 1e9 + 10, 1e-6);
    close(s.sd, Math.sqrt(90 / 3), 1e-9);
  });

  it('uses null, not NaN, for statistics that do not exist', () => {
    assert.deepEqual(describe([]), {
      n: 0,
      mean: null,
      sd: null,
      min: null,
      p25: null,
      median: null,
      p75: null,
      p90: null,
      max: null,
    });
    assert.deepEqual(describe([3]), { n: 1, mean: 3, sd: null, min: 3, p25: 3, median: 3, p75: 3, p90: 3, max: 3 });
  });

  it('rejects non-finite values', () => {
    assert.throws(() => describe([1, Number.NaN]), RangeError);
    assert.throws(() => describe([Number.POSITIVE_INFINITY]), RangeError);
  });
});
