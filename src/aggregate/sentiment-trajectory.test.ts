import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sentimentTrajectorySection } from './sentiment-trajectory.ts';
import { OPTIONS, rows } from './test-fixtures.ts';

const values = [-0.5, 0, 0.5, 1, 0.25];
const data = [
  ...rows('c', 25, 25, { affective: ['counseling'], userMessages: 8 }).map((row, i) => ({
    ...row,
    sentimentChange: values[i % values.length]!,
  })),
  // Too short: not eligible even with a value.
  ...rows('short', 30, 30, { affective: ['counseling'], userMessages: 5, sentimentChange: -2 }),
  ...rows('n', 12, 12, { userMessages: 6, sentimentChange: 0 }),
  ...rows('comp', 4, 4, { affective: ['companionship'], userMessages: 9, sentimentChange: 1 }),
  ...rows('coach', 15, 15, { affective: ['coaching'], userMessages: 9, sentimentChange: 0.5 }),
];

test('mean sentiment change per type among conversations with at least 6 user messages', () => {
  const section = sentimentTrajectorySection(data, OPTIONS);
  assert.equal(section.n_conversations, 56);
  assert.equal(section.min_user_messages, 6);
  assert.equal(section.resamples, 1000);
  const counseling = section.groups.counseling;
  assert.equal(counseling.conversations, 25);
  assert.ok(Math.abs(counseling.mean! - 0.25) < 1e-12);
  assert.equal(counseling.method, 'bootstrap');
  assert.ok(counseling.low! < 0.25 && counseling.high! > 0.25);
  assert.equal(section.groups.not_affective.mean, 0);
  assert.equal(section.groups.companionship.suppressed, true);
  assert.equal(section.groups.companionship.mean, null);
  // The 4 companionship conversations are below k; coaching (the smallest other type) hides them from subtraction.
  assert.equal(section.groups.coaching.suppression_reason, 'complementary');
  assert.equal(section.groups.coaching.mean, null);
});

test('the bootstrap is reproducible with the seed', () => {
  const a = sentimentTrajectorySection(data, OPTIONS).groups.counseling;
  const b = sentimentTrajectorySection(data, OPTIONS).groups.counseling;
  assert.deepEqual(a, b);
  const other = sentimentTrajectorySection(data, { ...OPTIONS, seed: 8 }).groups.counseling;
  assert.equal(other.mean, a.mean);
});
