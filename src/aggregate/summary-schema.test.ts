import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ShareCellSchema, STUDY_SCHEMA_VERSION, summarySchemaText } from './summary-schema.ts';

test('docs/summary.schema.json is up to date (node --import tsx scripts/write-summary-schema.ts)', () => {
  const committed = readFileSync(new URL('../../docs/summary.schema.json', import.meta.url), 'utf8');
  assert.equal(committed, summarySchemaText());
  const schema = JSON.parse(committed) as { $id: string; properties: Record<string, unknown> };
  assert.ok(schema.$id.endsWith(`v${STUDY_SCHEMA_VERSION}.json`));
  for (const section of [
    'prevalence',
    'pushback',
    'sentiment_trajectory',
    'long_conversations',
    'intensity',
    'cue_rates',
    'topics',
  ]) {
    assert.ok(section in schema.properties, section);
  }
});

test('a cell shape: suppressed cells carry nulls and a reason', () => {
  const suppressed = {
    conversations: null,
    participants: null,
    suppressed: true,
    suppression_reason: 'below_k',
    estimate: null,
    low: null,
    high: null,
    method: null,
  };
  assert.doesNotThrow(() => ShareCellSchema.parse(suppressed));
  assert.throws(() => ShareCellSchema.parse({ ...suppressed, suppression_reason: 'because' }));
  assert.throws(() => ShareCellSchema.parse({ ...suppressed, estimate: 1.5 }));
});
