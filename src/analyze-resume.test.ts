/**
 * `kill -9` during analyze's facets, then the same command again: the results equal an
 * uninterrupted run's, and the rerun classifies only the conversations left without a record.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { generateChatgptExport } from '../scripts/generate-chatgpt-export.ts';
import { DuckDbStore } from './store/duckdb/duckdb-store.ts';
import { tempDir } from './testing/fixtures.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = path.join(ROOT, 'src', 'cli', 'main.ts');

function runAnalyze(corpus: string, out: string, db: string, keyFile: string) {
  return spawn(
    process.execPath,
    ['--import', 'tsx', CLI, 'analyze', corpus, '--out', out, '--db', db, '--participant-key-file', keyFile],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
  );
}

function exit(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  let stderr = '';
  child.stderr?.on('data', (data: Buffer) => {
    stderr += data.toString();
  });
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })));
}

function results(out: string) {
  const summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8'));
  const lines = readFileSync(path.join(out, 'facets.jsonl'), 'utf8').split('\n').filter(Boolean);
  return { study: summary.study, facets: summary.facets, store: summary.store, lines };
}

async function storedRecords(db: string): Promise<{ stored: number; todo: number }> {
  const store = await DuckDbStore.open(db);
  const counts = { stored: 0, todo: 0 };
  try {
    for await (const item of store.readFacetWork('embedded@1')) counts[item.stored ? 'stored' : 'todo'] += 1;
  } finally {
    await store.close();
  }
  return counts;
}

describe('analyze interrupted and resumed', () => {
  it('gives the same facets.jsonl and study figures as an uninterrupted run', { timeout: 300_000 }, async () => {
    const dir = tempDir();
    const corpus = path.join(dir, 'conversations.json');
    await generateChatgptExport({ out: corpus, conversations: 4000, seed: 3 });
    const keyFile = path.join(dir, 'participant.key');
    writeFileSync(keyFile, `${'ab'.repeat(32)}\n`);

    const started = performance.now();
    const whole = await exit(runAnalyze(corpus, path.join(dir, 'whole'), path.join(dir, 'whole.duckdb'), keyFile));
    const wholeMs = performance.now() - started;
    assert.equal(whole.code, 0, whole.stderr);
    const total = results(path.join(dir, 'whole')).store.conversations;

    const db = path.join(dir, 'resumed.duckdb');
    // Kill it half-way through: analyze classifies while it imports, so by then some records are
    // committed and others not (asserted below), whatever the machine's speed.
    const first = runAnalyze(corpus, path.join(dir, 'resumed'), db, keyFile);
    const timer = setTimeout(() => first.kill('SIGKILL'), wholeMs * 0.5);
    const interrupted = await exit(first);
    clearTimeout(timer);
    assert.equal(interrupted.signal, 'SIGKILL', `the first run ended before it was killed: ${interrupted.stderr}`);
    const progress = await storedRecords(db);
    assert.ok(progress.stored > 0 && progress.stored < total, `killed mid-facets: ${JSON.stringify(progress)} of ${total}`);

    const resumed = await exit(runAnalyze(corpus, path.join(dir, 'resumed'), db, keyFile));
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.deepEqual(await storedRecords(db), { stored: total, todo: 0 });

    const expected = results(path.join(dir, 'whole'));
    const actual = results(path.join(dir, 'resumed'));
    assert.equal(actual.lines.length, expected.store.conversations);
    assert.deepEqual(actual.lines, expected.lines, 'facets.jsonl: same records in the same order');
    assert.deepEqual(actual.facets, expected.facets);
    assert.deepEqual(actual.store, expected.store);
    assert.deepEqual(actual.study, expected.study);
  });
});
