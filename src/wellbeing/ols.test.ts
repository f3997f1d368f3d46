import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from '../errors.ts';
import { createRandom } from '../stats/random.ts';
import { fitOls, INTERCEPT } from './ols.ts';

/** Gauss–Jordan inverse on plain arrays: an implementation independent of ml-matrix. */
function invert(a: number[][]): number[][] {
  const n = a.length;
  const m = a.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    const d = m[c]![c]!;
    for (let j = 0; j < 2 * n; j++) m[c]![j]! /= d;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]!;
      for (let j = 0; j < 2 * n; j++) m[r]![j]! -= f * m[c]![j]!;
    }
  }
  return m.map((row) => row.slice(n));
}

const matmul = (a: number[][], b: number[][]) =>
  a.map((row) => b[0]!.map((_, j) => row.reduce((s, v, k) => s + v * b[k]![j]!, 0)));
const transpose = (a: number[][]) => a[0]!.map((_, j) => a.map((row) => row[j]!));

/** Textbook HC3, written out step by step. */
function referenceHc3(X: number[][], y: number[]): { beta: number[]; se: number[] } {
  const xtxInv = invert(matmul(transpose(X), X));
  const beta = matmul(
    xtxInv,
    matmul(
      transpose(X),
      y.map((v) => [v]),
    ),
  ).map((r) => r[0]!);
  const p = beta.length;
  const meat = Array.from({ length: p }, () => Array<number>(p).fill(0));
  X.forEach((x, i) => {
    const e = y[i]! - x.reduce((s, v, j) => s + v * beta[j]!, 0);
    const h = matmul(matmul([x], xtxInv), transpose([x]))[0]![0]!;
    for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) meat[a]![b]! += (x[a]! * x[b]! * e * e) / (1 - h) ** 2;
  });
  const v = matmul(matmul(xtxInv, meat), xtxInv);
  return { beta, se: v.map((row, j) => Math.sqrt(row[j]!)) };
}

const close = (actual: number, expected: number, tolerance = 1e-6) =>
  assert.ok(Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)), `${actual} vs ${expected}`);

describe('fitOls', () => {
  it('simple regression: hand formulas for b, HC3 SE and the standardized β (= r)', () => {
    const x = [1, 2, 3, 4, 5, 6, 7, 8];
    const y = [2.1, 3.9, 6.2, 7.8, 10.1, 12.2, 13.8, 16.3];
    const n = x.length;
    const mx = x.reduce((s, v) => s + v, 0) / n;
    const my = y.reduce((s, v) => s + v, 0) / n;
    const sxx = x.reduce((s, v) => s + (v - mx) ** 2, 0);
    const syy = y.reduce((s, v) => s + (v - my) ** 2, 0);
    const sxy = x.reduce((s, v, i) => s + (v - mx) * (y[i]! - my), 0);
    const b1 = sxy / sxx;
    const b0 = my - b1 * mx;
    // HC3 of the slope in simple regression: Σ (xᵢ − x̄)² eᵢ² / (1 − hᵢ)² / Sxx², hᵢ = 1/n + (xᵢ − x̄)²/Sxx.
    let num = 0;
    x.forEach((xi, i) => {
      const e = y[i]! - b0 - b1 * xi;
      const h = 1 / n + (xi - mx) ** 2 / sxx;
      num += ((xi - mx) ** 2 * e * e) / (1 - h) ** 2;
    });
    const fit = fitOls(
      x.map((v) => [1, v]),
      y,
      [INTERCEPT, 'x'],
    );
    close(fit.coefficients[0]!.estimate, b0);
    close(fit.coefficients[1]!.estimate, b1);
    close(fit.coefficients[1]!.se, Math.sqrt(num) / sxx);
    close(fit.coefficients[1]!.beta!, sxy / Math.sqrt(sxx * syy));
    assert.equal(fit.coefficients[0]!.beta, null);
    assert.equal(fit.df, n - 2);
  });

  it('multiple regression with an interaction: coefficients and HC3 SEs match a step-by-step implementation to 1e-6', () => {
    const random = createRandom(42);
    const rows: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 40; i++) {
      const a = random() * 10;
      const b = random() * 2 - 1;
      const c = random() < 0.5 ? 1 : 0;
      rows.push([1, a, b, c, a * b]);
      y.push(3 + 0.5 * a - 2 * b + c + 0.3 * a * b + (random() - 0.5) * (1 + a));
    }
    const fit = fitOls(rows, y, [INTERCEPT, 'a', 'b', 'c', 'a:b']);
    const reference = referenceHc3(rows, y);
    fit.coefficients.forEach((c, j) => {
      close(c.estimate, reference.beta[j]!);
      close(c.se, reference.se[j]!);
      close(c.t, c.estimate / c.se);
      assert.ok(c.low < c.estimate && c.estimate < c.high);
    });
  });

  it('an exact linear relation is recovered exactly, with zero standard errors', () => {
    const x = [0, 1, 2, 3, 4, 5];
    const fit = fitOls(
      x.map((v) => [1, v]),
      x.map((v) => 2 + 3 * v),
      [INTERCEPT, 'x'],
    );
    close(fit.coefficients[0]!.estimate, 2, 1e-9);
    close(fit.coefficients[1]!.estimate, 3, 1e-9);
    assert.ok(fit.coefficients[1]!.se < 1e-9);
    close(fit.r2, 1, 1e-12);
  });

  it('intervals use the t quantile t(0.975, n − p), not the normal 1.96', () => {
    const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const y = [1.2, 1.9, 3.5, 3.7, 5.9, 5.1, 7.6, 7.7, 9.9, 9.4];
    const c = fitOls(
      x.map((v) => [1, v]),
      y,
      [INTERCEPT, 'x'],
    ).coefficients[1]!;
    const tStar = (c.high - c.estimate) / c.se;
    close(tStar, 2.306004135, 1e-8); // qt(0.975, 8)
    assert.ok(c.p < 1e-4);
  });

  it('refuses collinear predictors and too few participants', () => {
    const rows = [1, 2, 3, 4, 5].map((v) => [1, v, 2 * v]);
    assert.throws(() => fitOls(rows, [1, 2, 3, 4, 6], [INTERCEPT, 'a', 'b']), ConfigError);
    assert.throws(
      () =>
        fitOls(
          [
            [1, 1],
            [1, 2],
          ],
          [1, 2],
          [INTERCEPT, 'a'],
        ),
      ConfigError,
    );
  });
});
