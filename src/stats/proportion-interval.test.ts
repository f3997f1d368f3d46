import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { twoSidedZ } from './normal.ts';
import { wilsonInterval } from './proportion-interval.ts';

/** Equal when rounded to `digits` decimals, as published tables print them. */
const rounded = (actual: number, expected: number, digits = 4) =>
  assert.equal(Number(actual.toFixed(digits)), expected, `${actual} does not round to ${expected}`);

describe('wilsonInterval: published values (95%, no continuity correction)', () => {
  const cases: [successes: number, n: number, low: number, high: number][] = [
    [10, 100, 0.0552, 0.1744],
    [0, 10, 0, 0.2775],
    [10, 10, 0.7225, 1],
    // Newcombe (1998), Statistics in Medicine 17:857–872, table I, method 3 (Wilson score).
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
    [29, 29, 0.883, 1],
  ];
  for (const [successes, n, low, high] of cases) {
    it(`${successes}/${n} → [${low}, ${high}]`, () => {
      const interval = wilsonInterval(successes, n);
      assert.equal(interval.estimate, successes / n);
      rounded(interval.low, low);
      rounded(interval.high, high);
    });
  }

  it('is exactly 0 / 1 at the boundaries', () => {
    assert.equal(wilsonInterval(0, 7).low, 0);
    assert.equal(wilsonInterval(7, 7).high, 1);
  });
});

// Independent check in exact arithmetic: the Wilson bounds are the roots of the score equation
// n(p̂ − p)² = z²·p(1 − p), i.e. (n + z²)p² − (2s + z²)p + s²/n = 0, solved here with BigInt
// fixed-point numbers at 40 decimal places (a different formula and no floating point at all).
const SCALE = 10n ** 40n;
/** Φ⁻¹(0.975) to 37 significant digits (1.95996398454005423552459443052055152795555…). */
const Z95 = 1_959963984540054235524594430520551527n * 10n ** 4n; // ×10^40

function sqrtFixed(x: bigint): bigint {
  // √(x / SCALE) · SCALE = √(x · SCALE), by Newton's method on integers.
  const target = x * SCALE;
  if (target === 0n) return 0n;
  let guess = BigInt(Math.floor(Math.sqrt(Number(target))));
  for (;;) {
    const next = (guess + target / guess) / 2n;
    if (next === guess || next === guess + 1n || next === guess - 1n) return next;
    guess = next;
  }
}

function exactWilson95(s: number, n: number): [number, number] {
  const z2 = (Z95 * Z95) / SCALE;
  const a = BigInt(n) * SCALE + z2;
  const b = 2n * BigInt(s) * SCALE + z2;
  const c = (BigInt(s) * BigInt(s) * SCALE) / BigInt(n);
  const root = sqrtFixed((b * b) / SCALE - (4n * a * c) / SCALE);
  const toNumber = (x: bigint) => Number((x * 10n ** 17n) / SCALE) / 1e17;
  return [toNumber(((b - root) * SCALE) / (2n * a)), toNumber(((b + root) * SCALE) / (2n * a))];
}

describe('wilsonInterval: against an exact-arithmetic solution of the score equation', () => {
  for (const [s, n] of [
    [1, 3],
    [10, 100],
    [37, 41],
    [500, 1000],
    [3, 10_000],
    [123_456, 1_000_000],
  ] as const) {
    it(`${s}/${n} agrees to 1e-13`, () => {
      const [low, high] = exactWilson95(s, n);
      const interval = wilsonInterval(s, n);
      assert.ok(Math.abs(interval.low - low) < 1e-13, `low ${interval.low} vs ${low}`);
      assert.ok(Math.abs(interval.high - high) < 1e-13, `high ${interval.high} vs ${high}`);
    });
  }

  it('solves the score equation at other confidence levels', () => {
    for (const confidence of [0.5, 0.8, 0.9, 0.99, 0.999]) {
      const z = twoSidedZ(confidence);
      for (const [s, n] of [
        [2, 9],
        [40, 50],
        [17, 300],
      ] as const) {
        const { low, high } = wilsonInterval(s, n, confidence);
        for (const p of [low, high]) {
          const residual = n * (s / n - p) ** 2 - z * z * p * (1 - p);
          assert.ok(Math.abs(residual) < 1e-10, `confidence ${confidence}, ${s}/${n}: residual ${residual}`);
        }
      }
    }
  });

  it('widens with the confidence level', () => {
    const i90 = wilsonInterval(30, 80, 0.9);
    const i95 = wilsonInterval(30, 80, 0.95);
    const i99 = wilsonInterval(30, 80, 0.99);
    assert.ok(i99.low < i95.low && i95.low < i90.low);
    assert.ok(i90.high < i95.high && i95.high < i99.high);
  });
});

describe('wilsonInterval: edge cases', () => {
  it('n = 0 → estimate null and the whole range', () => {
    assert.deepEqual(wilsonInterval(0, 0), { estimate: null, low: 0, high: 1 });
  });

  it('rejects impossible counts and confidence levels', () => {
    assert.throws(() => wilsonInterval(3, 2), RangeError);
    assert.throws(() => wilsonInterval(-1, 2), RangeError);
    assert.throws(() => wilsonInterval(1.5, 2), RangeError);
    assert.throws(() => wilsonInterval(1, Number.NaN), RangeError);
    assert.throws(() => wilsonInterval(1, 2, 1), RangeError);
    assert.throws(() => wilsonInterval(1, 2, 95), RangeError);
  });
});
