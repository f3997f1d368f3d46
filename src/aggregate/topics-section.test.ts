import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OPTIONS, rows } from './test-fixtures.ts';
import { topicsSection } from './topics-section.ts';

const WORDS = [
  'job interview career promotion boss',
  'breakup girlfriend heartbreak lonely ex',
  'exam study stress sleep grades',
];
const data = [
  ...rows('c', 60, 30, { affective: ['counseling'] }),
  ...rows('k', 12, 12, { affective: ['coaching'] }), // hidden as the complement of the 3 role-play conversations
  ...rows('r', 3, 3, { affective: ['romantic_sexual_roleplay'] }),
];
const texts = new Map(data.map((row, i) => [row.key, WORDS[i % WORDS.length]!]));

test('topics per type from the caller’s texts; thresholded clusters as cells', async () => {
  const section = await topicsSection(data, OPTIONS, texts);
  assert.equal(section.computed, true);
  assert.equal(typeof section.method, 'string');
  const counseling = section.types.counseling;
  assert.equal(counseling.conversations, 60);
  assert.ok(counseling.clusters.length > 0);
  for (const cluster of [...counseling.clusters, ...counseling.clusters.flatMap((c) => c.children)]) {
    if (cluster.suppressed) assert.deepEqual([cluster.conversations, cluster.participants, cluster.label], [null, null, []]);
    else assert.ok(cluster.participants! >= 5 && cluster.conversations! >= 10);
  }
  assert.equal(section.types.romantic_sexual_roleplay.suppressed, true);
  assert.deepEqual(section.types.romantic_sexual_roleplay.clusters, []);
  assert.equal(section.types.coaching.suppression_reason, 'complementary');
});

test('an async textOf gives the same result as a map; no texts: computed false', async () => {
  const viaMap = await topicsSection(data, OPTIONS, texts);
  const viaFunction = await topicsSection(data, OPTIONS, async (key) => texts.get(key)!);
  assert.deepEqual(viaFunction, viaMap);
  const none = await topicsSection(data, OPTIONS);
  assert.equal(none.computed, false);
  assert.deepEqual(none.types.counseling.clusters, []);
});
