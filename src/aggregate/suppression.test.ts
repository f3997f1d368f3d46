import assert from 'node:assert/strict';
import { test } from 'node:test';
import { solveSuppression } from './suppression.ts';
import { K, rows } from './test-fixtures.ts';

test('a cell below k is suppressed (primary)', () => {
  const decisions = solveSuppression(
    [
      { id: 'big', rows: rows('a', 20, 10) },
      { id: 'few-participants', rows: rows('b', 20, 4) },
      { id: 'few-conversations', rows: rows('c', 9, 9) },
    ],
    [],
    K,
  );
  assert.deepEqual(decisions.get('big'), { suppressed: false });
  assert.deepEqual(decisions.get('few-participants'), { suppressed: true, suppression_reason: 'below_k' });
  assert.deepEqual(decisions.get('few-conversations'), { suppressed: true, suppression_reason: 'below_k' });
});

test('complementary suppression hides the smallest other cell of a partition with a published total', () => {
  const decisions = solveSuppression(
    [
      { id: 'a', rows: rows('a', 40, 10) },
      { id: 'b', rows: rows('b', 15, 6) },
      { id: 'c', rows: rows('c', 30, 10) },
      { id: 'tiny', rows: rows('t', 3, 2) },
    ],
    [{ cells: ['a', 'b', 'c', 'tiny'] }],
    K,
  );
  assert.equal(decisions.get('tiny')?.suppression_reason, 'below_k');
  assert.equal(decisions.get('b')?.suppression_reason, 'complementary');
  assert.equal(decisions.get('a')?.suppressed, false);
  assert.equal(decisions.get('c')?.suppressed, false);
});

test('decisions carry across partitions and to children; frozen decisions are kept', () => {
  const decisions = solveSuppression(
    [
      { id: 'x', rows: rows('x', 3, 3) },
      { id: 'y', rows: rows('y', 20, 10) },
      { id: 'z', rows: rows('z', 25, 10) },
      { id: 'y/child', rows: rows('y', 20, 10), parent: 'y' },
      { id: 'w', rows: rows('w', 50, 10) },
    ],
    [{ cells: ['x', 'y'] }, { cells: ['y', 'z'] }],
    K,
    new Map([['w', { suppressed: true, suppression_reason: 'complementary' as const }]]),
  );
  assert.equal(decisions.get('y')?.suppression_reason, 'complementary');
  assert.equal(decisions.get('z')?.suppression_reason, 'complementary');
  assert.equal(decisions.get('y/child')?.suppression_reason, 'parent_suppressed');
  assert.equal(decisions.get('w')?.suppression_reason, 'complementary');
});
