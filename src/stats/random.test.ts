import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Rng } from '../testing/seeded-random.ts';
import { createRandom } from './random.ts';

describe('createRandom', () => {
  it('is reproducible: the same seed gives the same stream', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    for (let i = 0; i < 100; i++) assert.equal(a(), b());
  });

  it('gives different streams for different seeds', () => {
    const a = createRandom(1);
    const b = createRandom(2);
    const sa = Array.from({ length: 10 }, a);
    const sb = Array.from({ length: 10 }, b);
    assert.notDeepEqual(sa, sb);
  });

  it('matches the reference mulberry32 stream', () => {
    // Outputs of the original C implementation (uint32 arithmetic) for seeds 1 and 42, divided by 2^32.
    const check = (seed: number, outputs: number[]) => {
      const random = createRandom(seed);
      for (const value of outputs) assert.equal(random(), value / 4294967296);
    };
    check(1, [2693262067, 11749833, 2265367787, 4213581821]);
    check(42, [2581720956, 1925393290]);
  });

  it('matches the test helper Rng, which implements the same generator', () => {
    const random = createRandom(123456789);
    const rng = new Rng(123456789);
    for (let i = 0; i < 1000; i++) assert.equal(random(), rng.next());
  });

  it('stays in [0, 1) with a mean near 1/2', () => {
    const random = createRandom(7);
    let sum = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const x = random();
      assert.ok(x >= 0 && x < 1);
      sum += x;
    }
    assert.ok(Math.abs(sum / n - 0.5) < 0.005);
  });

  it('reduces the seed to 32 bits', () => {
    assert.equal(createRandom(2 ** 32 + 5)(), createRandom(5)());
  });
});
