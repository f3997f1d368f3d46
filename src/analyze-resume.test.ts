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

    // Kill it part-way through: analyze classifies while it imports, so some records are committed
    // and others not. The moment is a share of the whole run's time; under a loaded machine a try
    // can land too early (nothing committed) or too late (finished), so another share is tried.
    let db = '';
    let out = '';
    let progress = { stored: 0, todo: 0 };
    const tries: string[] = [];
    for (const share of [0.5, 0.7, 0.35, 0.85, 0.25]) {
      db = path.join(dir, `resumed-${share}.duckdb`);
      out = path.join(dir, `resumed-${share}`);
      const first = runAnalyze(corpus, out, db, keyFile);
      const timer = setTimeout(() => first.kill('SIGKILL'), wholeMs * share);
      const interrupted = await exit(first);
      clearTimeout(timer);
      if (interrupted.signal !== 'SIGKILL') {
        tries.push(`${share}: finished first`);
        continue;
      }
      progress = await storedRecords(db);
      if (progress.stored > 0 && progress.stored < total) break;
      tries.push(`${share}: ${JSON.stringify(progress)}`);
    }
    assert.ok(progress.stored > 0 && progress.stored < total, `killed mid-facets of ${total}: ${tries.join('; ')}`);

    const resumed = await exit(runAnalyze(corpus, out, db, keyFile));
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.deepEqual(await storedRecords(db), { stored: total, todo: 0 });

    const expected = results(path.join(dir, 'whole'));
    const actual = results(out);
    assert.equal(actual.lines.length, expected.store.conversations);
    assert.deepEqual(actual.lines, expected.lines, 'facets.jsonl: same records in the same order');
    assert.deepEqual(actual.facets, expected.facets);
    assert.deepEqual(actual.store, expected.store);
    assert.deepEqual(actual.study, expected.study);
  });
});
