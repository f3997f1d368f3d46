import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { analyze } from '../analyze.ts';
import { ingest } from '../ingest/ingest.ts';
import type { Conversation } from '../model.ts';
import { DuckDbStore } from '../store/duckdb/duckdb-store.ts';
import { tempDir } from '../testing/fixtures.ts';
import { writeFacets } from '../write-facets.ts';
import { createEmbeddedBackend } from './embedded-backend.ts';
import { createFacetPipeline } from './facet-pool.ts';
import { type FacetRecord, type FailedFacetRecord, facetRecord } from './facet-record.ts';

const DEMO = fileURLToPath(new URL('../../examples/demo-export', import.meta.url));
const KEY = Buffer.alloc(32, 5);

async function demoConversations(): Promise<Conversation[]> {
  const conversations: Conversation[] = [];
  for await (const event of ingest([DEMO], { participantKey: KEY }))
    if (event.kind === 'conversation') conversations.push(event.conversation);
  return conversations;
}

describe('facet pool', () => {
  it('answers in input order, batch by batch, with stored records in their place', async () => {
    const backend = await createEmbeddedBackend();
    const conversations = await demoConversations();
    assert.ok(conversations.length > 20);
    const written: { item: number; record: FacetRecord | FailedFacetRecord }[] = [];
    // Tiny batches and one batch in flight: the reader has to wait for the workers over and over.
    const pipeline = createFacetPipeline<number>(
      backend,
      { threads: 2, batchSize: 3, maxPendingBatches: 1, explain: true },
      async (item, record) => {
        written.push({ item, record });
      },
    );
    assert.equal(pipeline.threads, 2);
    const stored = await facetRecord(conversations[4] as Conversation, backend, { explain: true });
    try {
      for (const [index, conversation] of conversations.entries()) {
        if (index === 4) await pipeline.pushRecord(index, stored);
        else await pipeline.push(index, conversation);
      }
      await pipeline.drain();
    } finally {
      await pipeline.close();
    }
    assert.deepEqual(
      written.map((entry) => entry.item),
      conversations.map((_, index) => index),
    );
    for (const [index, conversation] of conversations.entries()) {
      const expected = await facetRecord(conversation, backend, { explain: true });
      assert.equal(JSON.stringify(written[index]?.record), JSON.stringify(expected), `record ${index}`);
    }
  });

  it('writes byte-identical facets.jsonl with 1 and 2 threads (facets and analyze)', async () => {
    const dir = tempDir();
    const outputs: Record<number, { facets: string; analyzed: string; study: unknown }> = {};
    for (const threads of [1, 2]) {
      const out = path.join(dir, `facets-${threads}.jsonl`);
      const result = await writeFacets([DEMO], { out, participantKey: KEY, threads, explain: true });
      assert.ok(result.written > 20);
      const store = await DuckDbStore.open(':memory:');
      try {
        const { summary } = await analyze([DEMO], {
          store,
          out: path.join(dir, `analyze-${threads}`),
          participantKey: KEY,
          threads,
        });
        outputs[threads] = {
          facets: readFileSync(out, 'utf8'),
          analyzed: readFileSync(summary.outputs.facets, 'utf8'),
          study: summary.study,
        };
      } finally {
        await store.close();
      }
    }
    assert.equal(outputs[2]?.facets, outputs[1]?.facets);
    assert.equal(outputs[2]?.analyzed, outputs[1]?.analyzed);
    assert.deepEqual(outputs[2]?.study, outputs[1]?.study);
  });
});
