import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wilsonInterval } from '../stats/proportion-interval.ts';
import { cellSeed, isClustered, meanInterval, shareInterval } from './intervals.ts';
import { rows } from './test-fixtures.ts';

test('one conversation per participant: Wilson, with the known interval for 20 of 100', () => {
  const base = [...rows('a', 20, 20, { pushback: true }), ...rows('b', 80, 80)];
  assert.equal(isClustered(base), false);
  const result = shareInterval(base, (row) => row.pushback, 1, 'x');
  assert.equal(result.method, 'wilson');
  assert.equal(result.estimate, 0.2);
  assert.ok(Math.abs(result.low! - 0.1333) < 1e-3 && Math.abs(result.high! - 0.2888) < 1e-3);
  assert.deepEqual(
    { low: result.low, high: result.high },
    { low: wilsonInterval(20, 100).low, high: wilsonInterval(20, 100).high },
  );
});

test('more than 1.5 conversations per participant: cluster bootstrap, reproducible with a seed', () => {
  const base = [...rows('a', 30, 10, { pushback: true }), ...rows('b', 60, 20)];
  assert.equal(isClustered(base), true);
  const first = shareInterval(base, (row) => row.pushback, 3, 'cell');
  assert.equal(first.method, 'cluster-bootstrap');
  assert.ok(Math.abs(first.estimate! - 1 / 3) < 1e-12);
  assert.deepEqual(
    shareInterval(base, (row) => row.pushback, 3, 'cell'),
    first,
  );
  assert.ok(first.low! < first.estimate! && first.estimate! < first.high!);
});

test('means: seeded bootstrap, same seed same interval', () => {
  const base = rows('a', 40, 40).map((row, i) => ({ ...row, sentimentChange: (i % 5) / 4 - 0.5 }));
  const a = meanInterval(base, (row) => row.sentimentChange!, 9, 'm');
  assert.equal(a.method, 'bootstrap');
  assert.ok(a.low! <= a.estimate! && a.estimate! <= a.high!);
  assert.deepEqual(
    meanInterval(base, (row) => row.sentimentChange!, 9, 'm'),
    a,
  );
  assert.notEqual(cellSeed(9, 'm'), cellSeed(9, 'n'));
});
