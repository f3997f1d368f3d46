import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wilsonInterval } from '../stats/proportion-interval.ts';
import { cueRatesSection } from './cue-rates.ts';
import { OPTIONS, rows } from './test-fixtures.ts';

const data = [
  ...rows('risk', 10, 10, { affective: ['counseling'], crisis: 'risk', cues: ['refers_to_professional'] }),
  ...rows('dist', 30, 30, { affective: ['counseling'], crisis: 'distress', anthropomorphism: true }),
  ...rows('calm', 20, 20, { affective: ['counseling'], cues: ['claims_feelings'] }),
  ...rows('fail', 2, 2, { affective: ['counseling'], crisis: 'risk', cues: ['fails_to_escalate'] }),
  ...rows('n', 50, 50),
];

test('cue rates per type with Wilson intervals, small cue counts suppressed', () => {
  const section = cueRatesSection(data, OPTIONS);
  const counseling = section.groups.counseling;
  assert.equal(counseling.conversations, 62);
  assert.equal(counseling.rates.crisis_distress.estimate, 30 / 62);
  assert.equal(counseling.rates.crisis_distress.low, wilsonInterval(30, 62).low);
  assert.equal(counseling.rates.crisis_risk.conversations, 12);
  assert.equal(counseling.rates.anthropomorphism.conversations, 30);
  assert.equal(counseling.rates.claims_feelings.estimate, 20 / 62);
  assert.equal(counseling.rates.refers_to_professional.estimate, 10 / 62);
  assert.equal(counseling.rates.fails_to_escalate.suppressed, true);
  assert.equal(counseling.rates.fails_to_escalate.estimate, null);
  assert.equal(section.groups.not_affective.rates.crisis_risk.suppressed, true);
  assert.equal(section.groups.coaching.suppressed, true);
});

test('a near-100% rate is suppressed when its complement is below k', () => {
  const section = cueRatesSection(
    [...rows('d', 40, 40, { affective: ['coaching'], crisis: 'distress' }), ...rows('x', 3, 3, { affective: ['coaching'] })],
    OPTIONS,
  );
  assert.equal(section.groups.coaching.conversations, 43);
  assert.equal(section.groups.coaching.rates.crisis_distress.suppressed, true);
  assert.equal(section.groups.coaching.rates.crisis_distress.suppression_reason, 'complementary');
});
