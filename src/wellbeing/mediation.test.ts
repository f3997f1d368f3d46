import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRandom } from '../stats/random.ts';
import type { Observation } from './design.ts';
import { mediate } from './mediation.ts';

function normal(random: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** X → M → Y with a = 0.5, b = 0.4, direct 0.2 (true indirect 0.2), plus a covariate. */
function simulate(seed: number, n: number): Observation[] {
  const draw = normal(createRandom(seed));
  return Array.from({ length: n }, (_, i) => {
    const x = draw();
    const z = draw();
    const m = 0.5 * x + 0.3 * z + draw();
    const y = 0.4 * m + 0.2 * x - 0.1 * z + draw();
    return { id: `p${i}`, values: { x, m, y, z } };
  });
}

describe('mediate', () => {
  it('c = a·b + c′ (OLS identity) and the a, b paths have HC3 errors', () => {
    const result = mediate(simulate(1, 150), { x: 'x', m: 'm', y: 'y', covariates: ['z'] }, { minimumN: 25, resamples: 200 });
    assert.equal(result.n, 150);
    assert.ok(Math.abs(result.total.estimate - (result.a.estimate * result.b.estimate + result.direct.estimate)) < 1e-10);
    assert.ok(Math.abs(result.indirect.estimate - result.a.estimate * result.b.estimate) < 1e-12);
    assert.ok(result.a.se > 0 && result.b.se > 0);
    assert.ok(result.indirect.low < result.indirect.estimate && result.indirect.estimate < result.indirect.high);
  });

  it('is reproducible by seed', () => {
    const data = simulate(3, 60);
    const spec = { x: 'x', m: 'm', y: 'y', covariates: [] };
    assert.deepEqual(
      mediate(data, spec, { minimumN: 25, resamples: 100, seed: 9 }),
      mediate(data, spec, { minimumN: 25, resamples: 100, seed: 9 }),
    );
  });

  it('the percentile interval covers the true indirect effect (0.2) in ≥ 90% of 50 simulated data sets', () => {
    let covered = 0;
    for (let seed = 1; seed <= 50; seed++) {
      const { indirect } = mediate(
        simulate(1000 + seed, 150),
        { x: 'x', m: 'm', y: 'y', covariates: ['z'] },
        { minimumN: 25, resamples: 300, seed },
      );
      if (indirect.low <= 0.2 && 0.2 <= indirect.high) covered++;
    }
    assert.ok(covered >= 45, `covered ${covered} of 50`);
    process.stdout.write(`# mediation coverage: ${covered}/50\n`);
  });

  it('leaves out participants missing any variable (listwise) and counts them', () => {
    const data = simulate(5, 40);
    data[0]!.values.m = null;
    data[1]!.values.z = null;
    const result = mediate(data, { x: 'x', m: 'm', y: 'y', covariates: ['z'] }, { minimumN: 25, resamples: 50 });
    assert.equal(result.n, 38);
    assert.deepEqual(result.excluded, { m: 1, z: 1 });
  });
});
