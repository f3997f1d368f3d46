import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { writeShardOutput } from '../../distributed/shards.ts';
import { conversationKey } from '../../ingest/finalize.ts';
import type { Conversation } from '../../model.ts';
import { tempDir } from '../../testing/fixtures.ts';
import { DuckDbStore } from './duckdb-store.ts';

function conversation(id: string, texts: string[]): Conversation {
  return {
    id,
    key: conversationKey('chatgpt', id),
    source: 'chatgpt',
    participant: 'a'.repeat(32),
    title: `title ${id}`,
    createdAt: '2024-01-01T00:00:00.000Z',
    messages: texts.map((text, index) => ({
      index,
      role: index % 2 === 0 ? 'user' : 'assistant',
      text,
      createdAt: '2024-01-01T00:01:00.000Z',
      ...(index === 1 ? { model: 'gpt-4o', meta: { attachments: ['image'] } } : {}),
    })),
    origin: { file: 'export.json', byteOffset: 10 },
    meta: { branchPoints: 1 },
  };
}

async function withStore(run: (store: DuckDbStore) => Promise<void>) {
  const store = await DuckDbStore.open(':memory:');
  try {
    await run(store);
  } finally {
    await store.close();
  }
}

describe('duckdb store', () => {
  it('round-trips conversations exactly, in the order they were stored', () =>
    withStore(async (store) => {
      const runId = await store.beginRun('test');
      const input = [conversation('b', ['hi', 'hello', '你好']), conversation('a', ['x', 'y'])];
      assert.deepEqual(await store.saveConversations(input, runId), { inserted: 2, updated: 0, unchanged: 0 });
      const read: Conversation[] = [];
      for await (const c of store.readConversations()) read.push(c);
      assert.deepEqual(read, input);
      assert.deepEqual(await store.counts(), {
        conversations: 2,
        messages: 5,
        userMessages: 3,
        participants: 1,
        bySource: { chatgpt: 2 },
      });
    }));

  it('is idempotent: the same content is unchanged, changed content replaces the old rows', () =>
    withStore(async (store) => {
      const runId = await store.beginRun('test');
      await store.saveConversations([conversation('a', ['x', 'y'])], runId);
      assert.deepEqual(await store.saveConversations([conversation('a', ['x', 'y'])], runId), {
        inserted: 0,
        updated: 0,
        unchanged: 1,
      });
      assert.deepEqual(await store.saveConversations([conversation('a', ['x', 'y', 'z'])], runId), {
        inserted: 0,
        updated: 1,
        unchanged: 0,
      });
      const counts = await store.counts();
      assert.equal(counts.conversations, 1);
      assert.equal(counts.messages, 3);
      // A replaced conversation moves to the end; every conversation still reads with its own messages.
      await store.saveConversations([conversation('b', ['1', '2']), conversation('c', ['3'])], runId);
      await store.saveConversations([conversation('b', ['1', '2', '4'])], runId);
      const read: [string, string[]][] = [];
      for await (const c of store.readConversations()) read.push([c.id, c.messages.map((m) => m.text)]);
      assert.deepEqual(read, [
        ['a', ['x', 'y', 'z']],
        ['c', ['3']],
        ['b', ['1', '2', '4']],
      ]);
    }));

  it('writes a batch all or nothing', () =>
    withStore(async (store) => {
      const runId = await store.beginRun('test');
      // The same key twice in one batch violates the primary key: the whole batch must roll back.
      await assert.rejects(store.saveConversations([conversation('a', ['x']), conversation('a', ['x', 'y'])], runId));
      assert.equal((await store.counts()).conversations, 0);
      assert.equal((await store.counts()).messages, 0);
      await store.saveConversations([conversation('c', ['x'])], runId);
      assert.equal((await store.counts()).conversations, 1);
    }));

  it('keeps the quarantine list, file fingerprints and runs', () =>
    withStore(async (store) => {
      const runId = await store.beginRun('import x');
      await store.saveIssues(
        [
          { file: 'f.json', position: { byteOffset: 5, endOffset: 9 }, code: 'invalid-json', severity: 'skipped', reason: 'bad' },
          { file: 'f.jsonl', position: { line: 3 }, conversationId: 'c1', code: 'duplicate', severity: 'skipped', reason: 'dup' },
        ],
        runId,
      );
      assert.equal((await store.issues(runId)).length, 2);
      assert.deepEqual((await store.issues(runId))[1], {
        file: 'f.jsonl',
        position: { line: 3 },
        conversationId: 'c1',
        code: 'duplicate',
        severity: 'skipped',
        reason: 'dup',
      });
      assert.equal(await store.isFileImported('fp'), false);
      await store.markFileImported(
        { fingerprint: 'fp', path: 'f', size: 1, modifiedMs: 2, format: 'chatgpt', conversations: 1, skipped: 0 },
        runId,
      );
      assert.equal(await store.isFileImported('fp'), true);
      await store.finishRun(runId, 'partial', { skipped: 2 });
      const [run] = await store.runs();
      assert.equal(run?.status, 'partial');
      assert.deepEqual(run?.summary, { skipped: 2 });
    }));

  it('computes participant activity from user-message times and streams facet rows', () =>
    withStore(async (store) => {
      const runId = await store.beginRun('test');
      const at = (iso: string, text: string, role: 'user' | 'assistant' = 'user') => ({ role, text, createdAt: iso });
      const make = (
        id: string,
        participant: string,
        messages: { role: 'user' | 'assistant'; text: string; createdAt: string }[],
      ) => ({
        ...conversation(id, []),
        participant,
        messages: messages.map((message, index) => ({ index, ...message })),
      });
      await store.saveConversations(
        [
          // Day 1: two sessions (02:00 at night, then 10:00), day 3: one more.
          make('p1-a', 'a'.repeat(32), [at('2024-01-01T02:00:00.000Z', 'x'), at('2024-01-01T02:10:00.000Z', 'y')]),
          make('p1-b', 'a'.repeat(32), [at('2024-01-01T10:00:00.000Z', 'x'), at('2024-01-01T10:01:00.000Z', 'ok', 'assistant')]),
          make('p1-c', 'a'.repeat(32), [at('2024-01-03T12:00:00.000Z', 'z')]),
          make('p2-a', 'b'.repeat(32), [{ role: 'user', text: 'no time', createdAt: undefined as unknown as string }]),
        ].map((c) => ({
          ...c,
          messages: c.messages.map((m) => (m.createdAt ? m : { index: m.index, role: m.role, text: m.text })),
        })),
        runId,
      );
      const activity = await store.participantActivity();
      assert.deepEqual(activity[0], {
        participant: 'a'.repeat(32),
        conversations: 3,
        userMessages: 4,
        activeDays: 2,
        sessions: 3,
        spanDays: 2,
        nightShare: 0.5,
      });
      assert.deepEqual(activity[1], {
        participant: 'b'.repeat(32),
        conversations: 1,
        userMessages: 1,
        activeDays: null,
        sessions: null,
        spanDays: null,
        nightShare: null,
      });
      const key = conversationKey('chatgpt', 'p1-a');
      await store.saveFacetRecords('embedded@1', [{ key, value: { affective: ['counseling'] } }], runId);
      const rows = [];
      for await (const row of store.readAnalysisRows('embedded@1')) rows.push(row);
      assert.deepEqual(rows, [
        {
          key,
          participant: 'a'.repeat(32),
          source: 'chatgpt',
          createdAt: '2024-01-01T00:00:00.000Z',
          facets: { affective: ['counseling'] },
        },
      ]);
    }));

  it('keeps streaming conversations while facet records are written between chunks', () =>
    withStore(async (store) => {
      const runId = await store.beginRun('test');
      const many = Array.from({ length: 5000 }, (_, i) => conversation(`c${i}`, ['hello', 'hi']));
      await store.saveConversations(many, runId);
      let read = 0;
      let batch: { key: string; value: unknown }[] = [];
      for await (const item of store.readConversations()) {
        read += 1;
        batch.push({ key: item.key, value: { n: read } });
        if (batch.length === 500) {
          await store.saveFacetRecords('run@1', batch, runId);
          batch = [];
        }
      }
      assert.equal(read, 5000);
    }));

  it('merges a Parquet facet shard, replacing earlier records of its keys and ignoring unknown keys', () =>
    withStore(async (store) => {
      const runId = await store.beginRun('test');
      const [a, b] = [conversation('a', ['x', 'y']), conversation('b', ['hi', 'hello'])];
      await store.saveConversations([a, b], runId);
      await store.saveFacetRecords('embedded@1', [{ key: a.key, value: { crisis: 'old' } }], runId);
      const file = path.join(tempDir(), 'facets-00001.parquet');
      await writeShardOutput(file, [
        { key: a.key, value: { crisis: 'none', affective: ['coaching'] } },
        { key: b.key, value: { crisis: 'acute', affective: [] } },
        { key: 'f'.repeat(64), value: { crisis: 'none' } },
      ]);
      assert.equal(await store.mergeFacetShard('embedded@1', file, runId), 2);
      assert.equal(await store.mergeFacetShard('embedded@1', file, runId), 2, 'merging twice counts each key once');
      const rows = [];
      for await (const row of store.readAnalysisRows('embedded@1')) rows.push([row.key, row.facets.crisis]);
      assert.deepEqual(
        rows,
        [
          [a.key, 'none'],
          [b.key, 'acute'],
        ].sort(),
      );
    }));
});
