import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wilsonInterval } from '../stats/proportion-interval.ts';
import { prevalenceSection } from './prevalence.ts';
import { OPTIONS, rows } from './test-fixtures.ts';

// One conversation per participant throughout, so every interval is Wilson.
const data = [
  ...rows('coun', 20, 20, { affective: ['counseling'] }),
  ...rows('coach', 15, 15, { affective: ['coaching'] }),
  ...rows('adv', 12, 12, { affective: ['interpersonal_advice'] }),
  ...rows('rom', 3, 3, { affective: ['romantic_sexual_roleplay'] }),
  ...rows('none', 40, 40),
  ...rows('cc', 10, 10, { contentCreation: true }),
];

test('shares with Wilson intervals, among all and among non-content-creation conversations', () => {
  const section = prevalenceSection(data, OPTIONS);
  assert.equal(section.n_conversations, 100);
  assert.equal(section.n_participants, 100);
  assert.equal(section.backend, 'embedded@1');
  assert.deepEqual(section.thresholds, { k_users: 5, k_conversations: 10 });
  const any = section.all.affective;
  assert.equal(any.conversations, 50);
  assert.equal(any.estimate, 0.5);
  assert.equal(any.method, 'wilson');
  assert.equal(any.low, wilsonInterval(50, 100).low);
  assert.equal(section.all.types.counseling.estimate, 0.2);
  assert.equal(section.non_content_creation.n_conversations, 90);
  assert.equal(section.non_content_creation.types.counseling.estimate, 20 / 90);
  assert.equal(section.non_content_creation.types.counseling.high, wilsonInterval(20, 90).high);
});

test('a type below k is suppressed with null values, and the smallest other type is hidden too', () => {
  const { types } = prevalenceSection(data, OPTIONS).all;
  assert.deepEqual(types.romantic_sexual_roleplay, {
    conversations: null,
    participants: null,
    suppressed: true,
    suppression_reason: 'below_k',
    estimate: null,
    low: null,
    high: null,
    method: null,
  });
  // companionship (0) is below k too; their union (3 conversations) is still below k → the smallest published one goes.
  assert.equal(types.companionship.suppressed, true);
  assert.equal(types.interpersonal_advice.suppression_reason, 'complementary');
  assert.equal(types.interpersonal_advice.estimate, null);
  assert.equal(types.coaching.suppressed, false);
  assert.equal(types.coaching.conversations, 15);
});
