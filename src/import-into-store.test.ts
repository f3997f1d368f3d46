import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { importIntoStore } from './import-into-store.ts';
import type { Conversation } from './model.ts';
import { DuckDbStore } from './store/duckdb/duckdb-store.ts';
import type { Store } from './store/store.ts';
import { tempDir, writeChatgptExport } from './testing/fixtures.ts';

const KEY = Buffer.alloc(32, 7);
const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));

async function storedConversations(store: Store): Promise<Conversation[]> {
  const all: Conversation[] = [];
  for await (const conversation of store.readConversations()) all.push(conversation);
  return all;
}

/** Every conversation once, every message once, indices 0..n-1. */
function assertIntact(conversations: Conversation[], expectedCount: number, messagesEach: number) {
  assert.equal(conversations.length, expectedCount);
  assert.equal(new Set(conversations.map((c) => c.id)).size, expectedCount);
  for (const conversation of conversations) {
    assert.deepEqual(
      conversation.messages.map((m) => m.index),
      Array.from({ length: messagesEach }, (_, i) => i),
      `messages of ${conversation.id}`,
    );
  }
}

describe('import into store', () => {
  it('re-importing the same export adds nothing; --force re-reads and finds everything unchanged', async () => {
    const folder = tempDir();
    const file = writeChatgptExport(folder, 'conversations.json', 30);
    const store = await DuckDbStore.open(path.join(folder, 'store.duckdb'));
    try {
      const first = await importIntoStore([file], { store, runId: await store.beginRun('a'), participantKey: KEY });
      assert.equal(first.inserted, 30);
      const second = await importIntoStore([file], { store, runId: await store.beginRun('b'), participantKey: KEY });
      assert.equal(second.filesAlreadyImported, 1);
      assert.equal(second.conversations, 0);
      const forced = await importIntoStore([file], { store, runId: await store.beginRun('c'), participantKey: KEY, force: true });
      assert.deepEqual([forced.inserted, forced.updated, forced.unchanged], [0, 0, 30]);
      assertIntact(await storedConversations(store), 30, 4);
    } finally {
      await store.close();
    }
  });

  it('resumes after a failure mid-file without losing or double-counting', async () => {
    const folder = tempDir();
    const file = writeChatgptExport(folder, 'conversations.json', 95);
    const store = await DuckDbStore.open(path.join(folder, 'store.duckdb'));
    // A store that dies on its third batch, as a killed process would.
    let batches = 0;
    const failing: Store = Object.create(store);
    failing.saveConversations = async (conversations, runId) => {
      batches += 1;
      if (batches === 3) throw new Error('simulated crash');
      return store.saveConversations(conversations, runId);
    };
    try {
      await assert.rejects(
        importIntoStore([file], { store: failing, runId: await store.beginRun('a'), participantKey: KEY, batchSize: 20 }),
        /simulated crash/,
      );
      assert.equal((await store.counts()).conversations, 40);
      const resumed = await importIntoStore([file], {
        store,
        runId: await store.beginRun('b'),
        participantKey: KEY,
        batchSize: 20,
      });
      assert.deepEqual([resumed.inserted, resumed.unchanged], [55, 40]);
      assertIntact(await storedConversations(store), 95, 4);
    } finally {
      await store.close();
    }
  });

  it('survives kill -9 of the CLI mid-import: a second run completes with every conversation once', async () => {
    const folder = tempDir();
    const file = writeChatgptExport(folder, 'conversations.json', 40_000, 2);
    const db = path.join(folder, 'store.duckdb');
    const keyFile = path.join(folder, 'key');
    writeFileSync(keyFile, KEY.toString('hex'));
    const args = [
      '--import',
      'tsx',
      path.join(ROOT, 'src/cli/main.ts'),
      'import',
      file,
      '--db',
      db,
      '--participant-key-file',
      keyFile,
    ];

    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        // Once reading has begun, let some batches commit, then kill without warning.
        if (chunk.toString().includes('reading')) setTimeout(() => child.kill('SIGKILL'), 1000);
      });
      child.on('exit', () => resolve());
    });
    assert.equal(child.signalCode, 'SIGKILL', 'the import was killed before it finished');

    const rerun = spawn(process.execPath, [...args, '--json'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] });
    let output = '';
    rerun.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => rerun.on('exit', resolve));
    assert.equal(code, 0);
    const summary = JSON.parse(output) as { inserted: number; unchanged: number };
    assert.equal(summary.inserted + summary.unchanged, 40_000);
    assert.ok(summary.unchanged > 0, 'some batches were committed before the kill');
    assert.ok(summary.inserted > 0, 'the kill came before the end');

    const store = await DuckDbStore.open(db);
    try {
      assertIntact(await storedConversations(store), 40_000, 4);
    } finally {
      await store.close();
    }
  });
});
