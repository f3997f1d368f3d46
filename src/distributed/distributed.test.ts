/**
 * A distributed analyze against a real redis-server on 127.0.0.1 with two `affectlens worker`
 * processes, one of them killed (SIGKILL) in the middle of a shard: the merged result must equal a
 * single-process run's, with the killed worker's shard retried by the other and counted once.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { generateChatgptExport } from '../../scripts/generate-chatgpt-export.ts';
import { analyze } from '../analyze.ts';
import { ConfigError } from '../errors.ts';
import { importIntoStore } from '../import-into-store.ts';
import { DuckDbStore } from '../store/duckdb/duckdb-store.ts';
import { tempDir } from '../testing/fixtures.ts';
import { connectRedis } from './redis.ts';
import { startFacetWorker } from './worker.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = path.join(ROOT, 'src', 'cli', 'main.ts');
const DEMO = path.join(ROOT, 'examples', 'demo-export');
const KEY = Buffer.alloc(32, 7);
const redisServer = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).stdout.trim();
const skip = redisServer ? undefined : 'redis-server is not installed (apt-get install redis-server; .ci/run does)';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Resolves with the first stderr line matching `pattern` (the child's whole stderr is kept in `log`). */
function watch(child: ChildProcess) {
  const state = { log: '', waiters: [] as { pattern: RegExp; resolve: (line: string) => void }[] };
  child.stderr?.on('data', (data: Buffer) => {
    state.log += data.toString();
    for (const waiter of [...state.waiters]) {
      const line = state.log.split('\n').find((candidate) => waiter.pattern.test(candidate));
      if (line) {
        state.waiters.splice(state.waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  });
  return {
    get log() {
      return state.log;
    },
    next: (pattern: RegExp) => new Promise<string>((resolve) => state.waiters.push({ pattern, resolve })),
  };
}

function results(out: string) {
  const summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8'));
  return {
    summary,
    facets: readFileSync(path.join(out, 'facets.jsonl'), 'utf8'),
    aggregates: readFileSync(path.join(out, 'aggregates.csv'), 'utf8'),
  };
}

describe('analyze --distributed (Redis + BullMQ)', { skip }, () => {
  let redis: ChildProcess;
  let url = '';
  const workers: ChildProcess[] = [];
  before(async () => {
    const port = await freePort();
    redis = spawn(redisServer, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    url = `redis://127.0.0.1:${port}`;
    for (let attempt = 0; ; attempt += 1) {
      try {
        (await connectRedis(url, 1000)).disconnect();
        break;
      } catch (error) {
        if (attempt > 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  });
  after(() => {
    for (const worker of workers) worker.kill('SIGKILL');
    redis?.kill('SIGKILL');
  });

  it('equals a single-process run after one of two workers is killed mid-shard', { timeout: 240_000 }, async () => {
    const dir = tempDir();
    const corpus = path.join(dir, 'generated.json');
    await generateChatgptExport({ out: corpus, conversations: 600, seed: 5 });
    const inputs = [DEMO, corpus];

    const singleStore = await DuckDbStore.open(path.join(dir, 'single.duckdb'));
    try {
      await analyze(inputs, { store: singleStore, out: path.join(dir, 'single'), participantKey: KEY, threads: 1 });
    } finally {
      await singleStore.close();
    }

    const queue = `test-${process.pid}`;
    const startWorker = () => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', CLI, 'worker', '--redis', url, '--queue', queue, '--threads', '1', '--lock-seconds', '2'],
        { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
      );
      workers.push(child);
      return { child, output: watch(child) };
    };
    const doomed = startWorker();
    const survivor = startWorker();
    await Promise.all([doomed.output.next(/ready/), survivor.output.next(/ready/)]);
    // The doomed worker dies as soon as it holds a shard (150 conversations: about a second of work).
    const killed = doomed.output.next(/conversations \(try 1\)/).then(() => doomed.child.kill('SIGKILL'));

    const sharedDir = path.join(dir, 'shared');
    const store = await DuckDbStore.open(path.join(dir, 'distributed.duckdb'));
    try {
      await analyze(inputs, {
        store,
        out: path.join(dir, 'distributed'),
        participantKey: KEY,
        distributed: { redis: url, sharedDir, queue, shardSize: 150, pollMs: 100 },
      });
    } finally {
      await store.close();
    }
    assert.equal(await killed, true, 'the doomed worker was killed');

    const single = results(path.join(dir, 'single'));
    const distributed = results(path.join(dir, 'distributed'));
    assert.equal(distributed.facets, single.facets, 'facets.jsonl identical');
    assert.equal(distributed.aggregates, single.aggregates, 'aggregates.csv identical');
    for (const field of ['study', 'languages', 'facets', 'store', 'backend']) {
      assert.deepEqual(distributed.summary[field], single.summary[field], `summary.${field} identical`);
    }
    const run = distributed.summary.distributed;
    assert.equal(run.conversations, single.summary.store.conversations);
    assert.equal(run.shards, Math.ceil(run.conversations / 150));
    assert.ok(run.retriedShards >= 1, `the killed worker's shard ran again: ${JSON.stringify(run)}\n${survivor.output.log}`);
    assert.match(survivor.output.log, /\(try 2\)/, 'the survivor took over the dead worker’s shard');
    // Shard files are removed after the merge.
    assert.deepEqual(existsSync(sharedDir) ? readdirSync(sharedDir) : [], []);
  });

  it('also sends out conversations an earlier import stored without records', { timeout: 120_000 }, async () => {
    const dir = tempDir();
    const single = await DuckDbStore.open(':memory:');
    try {
      await analyze([DEMO], { store: single, out: path.join(dir, 'single'), participantKey: KEY, threads: 1 });
    } finally {
      await single.close();
    }
    const queue = `test-earlier-${process.pid}`;
    const worker = await startFacetWorker({ redis: url, queue, threads: 1 });
    const store = await DuckDbStore.open(':memory:');
    try {
      await importIntoStore([DEMO], { store, runId: await store.beginRun('import'), participantKey: KEY });
      const { summary } = await analyze([DEMO], {
        store,
        out: path.join(dir, 'distributed'),
        participantKey: KEY,
        distributed: { redis: url, sharedDir: path.join(dir, 'shared'), queue, shardSize: 20, pollMs: 50 },
      });
      assert.equal(summary.import.inserted, 0, 'every file was imported before');
      assert.equal(summary.distributed?.conversations, summary.store.conversations);
    } finally {
      await store.close();
      await worker.close();
    }
    const [a, b] = [results(path.join(dir, 'single')), results(path.join(dir, 'distributed'))];
    assert.equal(b.facets, a.facets);
    assert.deepEqual(b.summary.study, a.summary.study);
  });

  it('reports an unreachable Redis in one line, within the timeout', async () => {
    const port = await freePort();
    await assert.rejects(connectRedis(`redis://127.0.0.1:${port}`, 1000), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /cannot reach Redis at redis:\/\/127\.0\.0\.1:\d+/);
      return true;
    });
    await assert.rejects(connectRedis('http://example.org'), /not a Redis URL/);
  });
});
