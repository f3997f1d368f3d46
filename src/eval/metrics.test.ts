import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  averageRanks,
  confusion,
  f1,
  falsePositiveRate,
  macroF1,
  pearson,
  precision,
  rate,
  recall,
  spearman,
  wilson,
} from './metrics.ts';

const close = (actual: number | null, expected: number, digits = 4) => {
  assert.notEqual(actual, null);
  assert.ok(Math.abs((actual as number) - expected) < 10 ** -digits, `${actual} ≉ ${expected}`);
};

const pairs = (gold: number[], predicted: number[]) => gold.map((g, i) => ({ gold: g === 1, predicted: predicted[i] === 1 }));

describe('binary metrics', () => {
  // gold 1 1 1 1 0 0 0 0 0 0 / predicted 1 1 1 0 1 1 0 0 0 0 → tp 3, fn 1, fp 2, tn 4
  const c = confusion(pairs([1, 1, 1, 1, 0, 0, 0, 0, 0, 0], [1, 1, 1, 0, 1, 1, 0, 0, 0, 0]));

  it('counts the confusion matrix', () => {
    assert.deepEqual(c, { tp: 3, fp: 2, fn: 1, tn: 4 });
  });

  it('computes precision 3/5, recall 3/4, F1 2·3/(6+2+1) = 2/3, FPR 2/6', () => {
    close(precision(c), 0.6);
    close(recall(c), 0.75);
    close(f1(c), 2 / 3);
    close(falsePositiveRate(c), 1 / 3);
  });

  it('is undefined (null), not 0 or 1, where the denominator is empty', () => {
    const none = confusion(pairs([0, 0], [0, 0]));
    assert.equal(precision(none), null);
    assert.equal(recall(none), null);
    assert.equal(f1(none), null);
    close(falsePositiveRate(none), 0);
    const allPositive = confusion(pairs([1, 1], [0, 0]));
    assert.equal(falsePositiveRate(allPositive), null);
    close(f1(allPositive), 0);
  });
});

describe('macroF1', () => {
  it('averages one-vs-rest F1 over the classes', () => {
    // gold:      p p n n u u
    // predicted: p n n n u p
    // p: tp1 fp1 fn1 → 0.5 ; n: tp2 fp1 fn0 → 0.8 ; u: tp1 fp0 fn1 → 2/3
    const result = macroF1(
      [
        { gold: 'p', predicted: 'p' },
        { gold: 'p', predicted: 'n' },
        { gold: 'n', predicted: 'n' },
        { gold: 'n', predicted: 'n' },
        { gold: 'u', predicted: 'u' },
        { gold: 'u', predicted: 'p' },
      ],
      ['p', 'n', 'u'],
    );
    close(result.perClass.p ?? null, 0.5);
    close(result.perClass.n ?? null, 0.8);
    close(result.perClass.u ?? null, 2 / 3);
    close(result.value, (0.5 + 0.8 + 2 / 3) / 3);
    assert.equal(result.n, 6);
  });

  it('leaves out gold labels outside the classes; a prediction outside them is a miss', () => {
    // classes p, n only. gold x is dropped. (p→u) is a miss for p with no false positive elsewhere.
    // p: tp1 fp0 fn1 → 2/3 ; n: tp1 fp0 fn0 → 1
    const result = macroF1(
      [
        { gold: 'p', predicted: 'p' },
        { gold: 'p', predicted: 'u' },
        { gold: 'n', predicted: 'n' },
        { gold: 'x', predicted: 'p' },
      ],
      ['p', 'n'],
    );
    close(result.value, (2 / 3 + 1) / 2);
    assert.equal(result.n, 3);
  });

  it('skips a class nobody has or predicts', () => {
    const result = macroF1([{ gold: 'p', predicted: 'p' }], ['p', 'n']);
    assert.equal(result.perClass.n, null);
    close(result.value, 1);
  });
});

describe('spearman', () => {
  it('gives average ranks to ties', () => {
    assert.deepEqual(averageRanks([5, 6, 7, 8, 7]), [1, 2, 3.5, 5, 3.5]);
    assert.deepEqual(averageRanks([2, 2, 2]), [2, 2, 2]);
  });

  it('matches a hand computation with a tie: ρ = 8/√95', () => {
    // ranks x = 1..5, ranks y = 1 2 3.5 5 3.5 → Σdxdy 8, Σdx² 10, Σdy² 9.5
    close(spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]), 8 / Math.sqrt(95));
  });

  it('is ±1 for monotone relations and -0.5 for a small hand case', () => {
    close(spearman([1, 2, 3, 4], [10, 20, 30, 1000]), 1);
    close(spearman([1, 2, 3, 4], [4, 3, 2, 1]), -1);
    // ranks x 3 1 2, y 1 2 3 → dx 1 -1 0, dy -1 0 1 → Σdxdy -1, Σdx² 2, Σdy² 2 → -0.5
    close(spearman([3, 1, 2], [1, 2, 3]), -0.5);
    // ties on both sides: x ranks 1.5 1.5 3 4, y ranks 4 2.5 2.5 1 → -5/6
    close(spearman([1, 1, 2, 3], [4, 3, 3, 1]), -5 / 6);
  });

  it('is null for a constant side or fewer than two pairs', () => {
    assert.equal(spearman([1, 2, 3], [2, 2, 2]), null);
    assert.equal(spearman([1], [1]), null);
    assert.equal(pearson([], []), null);
  });
});

describe('wilson', () => {
  it('matches the textbook intervals', () => {
    // 0/10: [0, 0.2775]; 5/10: [0.2366, 0.7634]; 3/20: [0.0524, 0.3604]
    const [low0, high0] = wilson(0, 10);
    close(low0, 0);
    close(high0, 0.2775, 3);
    const [low5, high5] = wilson(5, 10);
    close(low5, 0.2366, 3);
    close(high5, 0.7634, 3);
    const [low3, high3] = wilson(3, 20);
    close(low3, 0.0524, 3);
    close(high3, 0.3604, 3);
  });

  it('stays inside [0, 1] and is [0, 1] for n = 0', () => {
    assert.deepEqual(wilson(0, 0), [0, 1]);
    const [low, high] = wilson(10, 10);
    assert.ok(low > 0.65 && low < 0.75 && high > 0.99999 && high <= 1);
    assert.equal(rate(0, 0).value, null);
    close(rate(1, 4).value, 0.25);
  });
});
