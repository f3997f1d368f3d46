import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AFFECTIVE_TYPES } from '../facets/definitions.ts';
import { createRandom } from '../stats/random.ts';
import type { AnalysisRow } from '../store/store.ts';
import { buildStudySummary } from './aggregate.ts';
import { StudySummarySchema } from './summary-schema.ts';
import { activityOf, analysisRow, K, OPTIONS, type RowSpec } from './test-fixtures.ts';

const CANARY = 'zqxcanaryword';

/** Random rows: `participants` participants with 1–4 conversations each, random facets. */
function randomRows(seed: number, participants: number): AnalysisRow[] {
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const out: AnalysisRow[] = [];
  for (let p = 0; p < participants; p++) {
    const conversations = 1 + Math.floor(random() * 4);
    for (let c = 0; c < conversations; c++) {
      const spec: RowSpec = {
        affective: random() < 0.5 ? [] : [pick(AFFECTIVE_TYPES)],
        contentCreation: random() < 0.1,
        userMessages: pick([2, 6, 12, 55]),
        pushback: random() < 0.3,
        pushbackEvidence: [pick(['rule:refuse', 'rule:self-talk', 'rule:clarify', 'hb:i cannot']), `hb:${CANARY}`],
        crisis: pick(['none', 'none', 'distress', 'risk'] as const),
        anthropomorphism: random() < 0.2,
        cues: random() < 0.3 ? ['refers_to_professional'] : [],
        sentimentChange: Math.round((random() * 2 - 1) * 4) / 4,
        segments: { first: [pick(AFFECTIVE_TYPES)], last: [pick(AFFECTIVE_TYPES)] },
      };
      out.push(analysisRow(`p${p}-c${c}`, `p${p}`, spec));
    }
  }
  return out;
}

function activityFor(rows: readonly AnalysisRow[]) {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.participant, (counts.get(row.participant) ?? 0) + 1);
  return [...counts].map(([participant, n]) => activityOf(participant, n));
}

/** Every object with `suppressed` in the summary, with its path. */
function cells(value: unknown, path = '$', out: { path: string; cell: Record<string, unknown> }[] = []) {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      cells(item, `${path}[${i}]`, out);
    });
  } else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ('suppressed' in record) out.push({ path, cell: record });
    for (const [key, item] of Object.entries(record)) cells(item, `${path}.${key}`, out);
  }
  return out;
}

const VALUE_FIELDS = ['estimate', 'low', 'high', 'mean', 'metrics', 'label'];

test('property: no cell with a value has fewer than kUsers participants or kConversations conversations', async () => {
  for (const [seed, participants] of [
    [1, 12],
    [2, 40],
    [3, 90],
    [4, 200],
  ] as const) {
    const rows = randomRows(seed, participants);
    const texts = new Map(rows.map((row) => [row.key, 'work stress sleep family friends lonely']));
    const summary = await buildStudySummary(rows, activityFor(rows), OPTIONS, texts);
    for (const { path, cell } of cells(summary)) {
      if (cell.suppressed) {
        assert.equal(cell.conversations, null, path);
        assert.equal(cell.participants, null, path);
        for (const field of VALUE_FIELDS) {
          if (field in cell && field !== 'label' && field !== 'metrics') assert.equal(cell[field], null, `${path}.${field}`);
        }
        if (Array.isArray(cell.label)) assert.deepEqual(cell.label, [], path);
      } else {
        assert.ok((cell.participants as number) >= K.kUsers, `${path}: ${cell.participants} participants`);
        assert.ok((cell.conversations as number) >= K.kConversations, `${path}: ${cell.conversations} conversations`);
      }
    }
  }
});

test('the summary validates against the schema, is deterministic, and carries no evidence text', async () => {
  const rows = randomRows(5, 120);
  const summary = await buildStudySummary(rows, activityFor(rows), OPTIONS);
  assert.doesNotThrow(() => StudySummarySchema.parse(JSON.parse(JSON.stringify(summary))));
  for (const key of [
    'prevalence',
    'pushback',
    'sentiment_trajectory',
    'long_conversations',
    'intensity',
    'cue_rates',
    'topics',
  ] as const) {
    const section = summary[key];
    assert.equal(section.backend, 'embedded@1');
    assert.deepEqual(section.thresholds, { k_users: 5, k_conversations: 10 });
    assert.equal(typeof section.n_conversations, 'number');
  }
  assert.deepEqual(await buildStudySummary(rows, activityFor(rows), OPTIONS), summary);
  const json = JSON.stringify(summary);
  assert.equal(json.includes(CANARY), false);
  assert.equal(json.includes('hb:'), false);
  assert.equal(json.includes('rule:'), false);
  assert.equal(json.includes('i cannot'), false);
});
