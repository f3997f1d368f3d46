import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalQuantile, twoSidedZ } from './normal.ts';

const close = (actual: number, expected: number, tolerance: number) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} is not within ${tolerance} of ${expected}`);

describe('normalQuantile', () => {
  it('matches published percentage points of N(0, 1) to 1e-13', () => {
    // Values to 16+ significant digits (Abramowitz & Stegun table 26.5; R qnorm with digits = 17).
    close(normalQuantile(0.975), 1.959963984540054, 1e-13);
    close(normalQuantile(0.995), 2.5758293035489004, 1e-13);
    close(normalQuantile(0.95), 1.6448536269514722, 1e-13);
    close(normalQuantile(0.9), 1.2815515655446004, 1e-13);
    close(normalQuantile(0.999), 3.090232306167814, 1e-12);
    close(normalQuantile(1e-10), -6.361340902404056, 1e-11);
    assert.equal(normalQuantile(0.5), 0);
  });

  it('is antisymmetric about 1/2', () => {
    for (const p of [0.001, 0.02, 0.2, 0.4]) close(normalQuantile(p), -normalQuantile(1 - p), 1e-12);
  });

  it('handles the ends and rejects values outside [0, 1]', () => {
    assert.equal(normalQuantile(0), Number.NEGATIVE_INFINITY);
    assert.equal(normalQuantile(1), Number.POSITIVE_INFINITY);
    assert.throws(() => normalQuantile(-0.1), RangeError);
    assert.throws(() => normalQuantile(1.1), RangeError);
    assert.throws(() => normalQuantile(Number.NaN), RangeError);
  });
});

describe('twoSidedZ', () => {
  it('gives the familiar critical values', () => {
    close(twoSidedZ(0.95), 1.959963984540054, 1e-13);
    close(twoSidedZ(0.99), 2.5758293035489004, 1e-13);
    close(twoSidedZ(0.9), 1.6448536269514722, 1e-13);
  });

  it('rejects confidence levels outside (0, 1)', () => {
    for (const c of [0, 1, -0.5, 95, Number.NaN]) assert.throws(() => twoSidedZ(c), RangeError);
  });
});
