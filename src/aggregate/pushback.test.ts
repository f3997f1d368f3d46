import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wilsonInterval } from '../stats/proportion-interval.ts';
import { pushbackSection } from './pushback.ts';
import { OPTIONS, rows } from './test-fixtures.ts';

const data = [
  ...rows('c-refuse', 12, 12, { affective: ['counseling'], pushback: true, pushbackEvidence: ['rule:refuse', 'hb:i cannot'] }),
  ...rows('c-talk', 20, 20, { affective: ['counseling'], pushback: true, pushbackEvidence: ['rule:self-talk'] }),
  ...rows('c-warn', 2, 2, { affective: ['counseling'], pushback: true, pushbackEvidence: ['rule:advise-against'] }),
  ...rows('c-none', 46, 46, { affective: ['counseling'] }),
  ...rows('n', 60, 60, { pushback: false }),
  ...rows('n-cc', 30, 30, { contentCreation: true, pushback: true }),
];

test('pushback rate per type with a Wilson interval, among non-content-creation conversations', () => {
  const section = pushbackSection(data, OPTIONS);
  assert.equal(section.n_conversations, 140);
  const counseling = section.groups.counseling;
  assert.equal(counseling.conversations, 80);
  assert.equal(counseling.rate.conversations, 34);
  assert.equal(counseling.rate.estimate, 34 / 80);
  assert.equal(counseling.rate.low, wilsonInterval(34, 80).low);
  // no pushback at all among the not-affective ones: a 0 count is below k, so it is suppressed.
  assert.equal(section.groups.not_affective.conversations, 60);
  assert.equal(section.groups.not_affective.rate.suppressed, true);
  assert.equal(section.groups.companionship.suppressed, true);
  assert.equal(section.groups.companionship.rate.estimate, null);
});

test('reason categories: most common first, small ones suppressed (and complemented), suppressed last', () => {
  const { reasons } = pushbackSection(data, OPTIONS).groups.counseling;
  assert.deepEqual(
    reasons.map((r) => [r.category, r.conversations, r.suppressed]),
    [
      ['challenging_self_talk', 20, false],
      // 34 − 20 − 12 would give the 2 safety warnings back: refusal is hidden as their complement.
      ['refusal', null, true],
      ['safety_warning', null, true],
      ['redirect_from_danger', null, true],
      ['correcting_premise', null, true],
      ['other', null, true],
    ],
  );
  assert.equal(reasons.find((r) => r.category === 'refusal')?.suppression_reason, 'complementary');
  assert.equal(reasons[0]!.estimate, 20 / 34);
});
