import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from '../errors.ts';
import { createRandom } from '../stats/random.ts';
import { fitModel, type Observation } from './design.ts';
import { parseFormula } from './formula.ts';
import { firstInteraction, simpleSlopes } from './moderation.ts';

function data(n: number): Observation[] {
  const random = createRandom(7);
  return Array.from({ length: n }, (_, i) => {
    const x = random();
    const w = random() * 4;
    const age = 20 + random() * 40;
    return { id: `p${i}`, values: { x, w, age, y: 10 - 3 * x + 0.5 * w - 2 * x * w + 0.05 * age + random() } };
  });
}

describe('simple slopes', () => {
  it('slope at w = b_x + b_xw·w, with SE √(V_xx + w²V_ww + 2wV_xw), at the mean and ± 1 SD', () => {
    const fit = fitModel(parseFormula('y ~ x * w + age'), data(80), { minimumN: 25 });
    assert.deepEqual(firstInteraction(fit), ['x', 'w']);
    const moderation = simpleSlopes(fit, 'x', 'w');
    const names = fit.ols.coefficients.map((c) => c.term);
    const ix = names.indexOf('x');
    const ixw = names.indexOf('x:w');
    const b = fit.ols.coefficients;
    const V = fit.ols.covariance;
    for (const [k, slope] of [-1, 0, 1].map((k, i) => [k, moderation.slopes[i]!] as const)) {
      const w = fit.means.w! + k * fit.sds.w!;
      assert.ok(Math.abs(slope.moderatorValue - w) < 1e-12);
      assert.ok(Math.abs(slope.slope - (b[ix]!.estimate + w * b[ixw]!.estimate)) < 1e-10);
      const se = Math.sqrt(V[ix]![ix]! + w * w * V[ixw]![ixw]! + 2 * w * V[ix]![ixw]!);
      assert.ok(Math.abs(slope.se - se) < 1e-10);
    }
    // Planted: slope −3 − 2w, steeper at higher w.
    assert.ok(moderation.slopes[2]!.slope < moderation.slopes[0]!.slope);
    assert.equal(moderation.lines.length, 63);
  });

  it('a model is refused below the minimum N after listwise deletion', () => {
    const rows = data(30);
    for (const row of rows.slice(0, 10)) row.values.age = null;
    assert.throws(() => fitModel(parseFormula('y ~ x + age'), rows, { minimumN: 25 }), ConfigError);
    const fit = fitModel(parseFormula('y ~ x'), rows, { minimumN: 25 });
    assert.equal(fit.n, 30);
  });
});
