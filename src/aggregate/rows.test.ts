import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pushbackReasons, toStudyRow } from './rows.ts';
import { analysisRow } from './test-fixtures.ts';

test('pushback evidence is grouped into reason categories; at: and n-gram features carry none', () => {
  assert.deepEqual(pushbackReasons(['at:3', 'rule:refuse', 'rule:apology-refuse', 'hb:i cannot']), ['refusal']);
  assert.deepEqual(pushbackReasons(['rule:self-talk', 'rule:clarify', 'rule:advise-against']), [
    'challenging_self_talk',
    'correcting_premise',
    'safety_warning',
  ]);
  assert.deepEqual(pushbackReasons(['rule:danger-redirect']), ['redirect_from_danger']);
  assert.deepEqual(pushbackReasons(['at:0', 'hb:i cannot', 'ha:sorry']), ['other']);
});

test('toStudyRow reads a stored facets record and tolerates missing or odd fields', () => {
  const row = toStudyRow(
    analysisRow('k1', 'p1', {
      affective: ['counseling'],
      pushback: true,
      pushbackEvidence: ['rule:refuse'],
      crisis: 'risk',
      cues: ['refers_to_professional'],
      sentimentChange: -0.5,
      userMessages: 7,
    }),
  );
  assert.deepEqual(row.affective, ['counseling']);
  assert.deepEqual(row.pushbackReasons, ['refusal']);
  assert.equal(row.crisis, 'risk');
  assert.equal(row.assistant.refers_to_professional, true);
  assert.equal(row.assistant.claims_feelings, false);
  assert.equal(row.sentimentChange, -0.5);
  assert.equal(row.userMessages, 7);

  const odd = toStudyRow({
    key: 'k2',
    participant: 'p2',
    source: 'chatgpt',
    createdAt: null,
    facets: { affective: ['counseling', 'not-a-type'], crisis: 'maybe', sentiment_change: 'x', messages: [{}, {}] },
  });
  assert.deepEqual(odd.affective, ['counseling']);
  assert.equal(odd.crisis, 'none');
  assert.equal(odd.sentimentChange, null);
  assert.equal(odd.userMessages, 2);
  assert.equal(odd.pushback, false);
  assert.deepEqual(odd.pushbackReasons, []);
});
