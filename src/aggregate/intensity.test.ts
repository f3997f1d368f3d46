import assert from 'node:assert/strict';
import { test } from 'node:test';
import { intensitySection, sessionsPerWeek } from './intensity.ts';
import { activityOf, OPTIONS, rows } from './test-fixtures.ts';

const affective = rows('a', 20, 10, { affective: ['companionship'] }); // participants ap0…ap9, 2 each
const plain = rows('b', 18, 6); // participants bp0…bp5, 3 each
const activity = (plainParticipants: number) => [
  ...Array.from({ length: 10 }, (_, i) => activityOf(`ap${i}`, 2, { sessions: 4, spanDays: 28, nightShare: i / 10 })),
  ...Array.from({ length: plainParticipants }, (_, i) => activityOf(`bp${i}`, 3, { spanDays: 3 })),
  activityOf('nofacets', 1, { activeDays: null, sessions: null, spanDays: null, nightShare: null }),
];

test('sessions per week = sessions / max(1, span days / 7)', () => {
  assert.equal(sessionsPerWeek(activityOf('x', 1, { sessions: 4, spanDays: 28 })), 1);
  assert.equal(sessionsPerWeek(activityOf('x', 1, { sessions: 3, spanDays: 2 })), 3);
  assert.equal(sessionsPerWeek(activityOf('x', 1, { sessions: null })), null);
});

test('distributions over participants, overall and by any affective conversation vs none; no min or max', () => {
  const section = intensitySection([...affective, ...plain], activity(6), OPTIONS);
  assert.equal(section.n_participants, 17);
  assert.equal(section.n_conversations, 39);
  const all = section.groups.all;
  assert.equal(all.participants, 17);
  assert.equal(all.metrics.conversations?.n, 17);
  assert.equal(all.metrics.active_days?.n, 16);
  assert.equal(all.metrics.affective_share?.n, 16);
  assert.equal(Object.hasOwn(all.metrics.conversations!, 'max'), false);
  assert.equal(Object.hasOwn(all.metrics.conversations!, 'min'), false);
  const any = section.groups.any_affective;
  assert.equal(any.participants, 10);
  assert.equal(any.metrics.sessions_per_week?.mean, 1);
  assert.ok(Math.abs(any.metrics.night_share!.median! - 0.45) < 1e-12);
  assert.equal(any.metrics.affective_share?.mean, 1);
  const none = section.groups.no_affective;
  assert.equal(none.conversations, 18);
  assert.equal(none.metrics.sessions_per_week?.median, 3);
  assert.equal(none.metrics.affective_share?.mean, 0);
});

test('a group under kUsers participants is suppressed, and so is its complement within the total', () => {
  const section = intensitySection(
    [...affective, ...plain.filter((row) => /bp[0-3]$/.test(row.participant))],
    activity(4),
    OPTIONS,
  );
  assert.equal(section.groups.no_affective.suppressed, true);
  assert.equal(section.groups.no_affective.metrics.conversations, null);
  assert.equal(section.groups.any_affective.suppression_reason, 'complementary');
  assert.equal(section.groups.all.suppressed, false);
});
