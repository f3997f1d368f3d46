import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wilsonInterval } from '../stats/proportion-interval.ts';
import { longConversationsSection } from './long-conversations.ts';
import { OPTIONS, rows } from './test-fixtures.ts';

const data = [
  ...rows('drift', 12, 12, {
    affective: ['counseling', 'companionship'],
    userMessages: 60,
    segments: { first: ['counseling'], last: ['companionship'] },
  }),
  ...rows('stay', 18, 18, {
    affective: ['counseling'],
    userMessages: 55,
    segments: { first: ['counseling'], last: ['counseling'] },
  }),
  ...rows('long-none', 10, 10, { userMessages: 50, segments: { first: [], last: [] } }),
  ...rows('short', 60, 60, { affective: ['counseling'], userMessages: 49 }),
];

test('share of long conversations, their type mix and drift', () => {
  const section = longConversationsSection(data, OPTIONS);
  assert.equal(section.n_conversations, 100);
  assert.equal(section.long.conversations, 40);
  assert.equal(section.long.estimate, 0.4);
  assert.equal(section.long.low, wilsonInterval(40, 100).low);
  assert.equal(section.types.counseling.conversations, 30);
  assert.equal(section.types.counseling.estimate, 0.75);
  assert.equal(section.types.companionship.estimate, 0.3);
  assert.equal(section.types.not_affective.estimate, 0.25);
  assert.equal(section.types.coaching.suppressed, true);
  assert.equal(section.drift.conversations, 12);
  assert.equal(section.drift.estimate, 0.3);
  assert.deepEqual(section.drift.from, ['counseling', 'coaching', 'interpersonal_advice']);
  assert.equal(section.drift.to, 'companionship');
});

test('too few long conversations: the share and everything inside it is suppressed', () => {
  const section = longConversationsSection([...rows('l', 6, 6, { userMessages: 80 }), ...rows('s', 50, 50)], OPTIONS);
  assert.equal(section.long.suppressed, true);
  assert.equal(section.long.estimate, null);
  assert.equal(section.drift.suppressed, true);
  assert.equal(section.types.not_affective.conversations, null);
});
