/**
 * `npm run bench [-- --conversations N] [--threads T] [--json out.json]`: the pipeline against the physical floor,
 * measured in one run on the same files. Each stage runs in its own child process (its own peak RSS):
 *   floor   — bare streaming read + JSON.parse of every conversation (the array splitter; and JSONL lines)
 *   import  — `affectlens import` into a fresh DuckDB store (parse, validate, redact, write)
 *   facets  — `affectlens facets` (parse, redact, every embedded facet, facets.jsonl), no store
 *   analyze — the full `affectlens analyze` (import + facets + study figures + report)
 * Prints conversations/s, MB/s, peak RSS and each stage's ratio to the single-core floor. Facets (and
 * analyze's facets) run on `--threads` worker threads (default: every core); the rest on one.
 */

import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { memoryOf, runSampled } from './bench-process.ts';
import { generateChatgptExport } from './generate-chatgpt-export.ts';

const SELF = fileURLToPath(import.meta.url);
const CLI = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
type Stage = 'floor' | 'floor-jsonl' | 'import' | 'facets' | 'analyze' | 'distributed';

interface StageReport {
  conversations: number;
  seconds: number;
  hwmMb: number;
  /** distributed: the classifying phase (first shard written → last merged). */
  facetSeconds?: number;
}

/** Runs inside the child process: one stage, timed from the first byte read to the last write. */
async function runStage(stage: Stage, file: string, work: string, threads: number, redis?: string): Promise<void> {
  const key = Buffer.alloc(32, 9);
  let conversations = 0;
  let facetSeconds: number | undefined;
  const started = performance.now();
  if (stage === 'floor') {
    const { readJsonArray } = await import('../src/ingest/read-json-array.ts');
    for await (const item of readJsonArray(createReadStream(file, { highWaterMark: 1 << 20 }), {
      maxElementBytes: 64 << 20,
      accept: () => true,
    })) {
      if (item.kind === 'value') conversations += 1;
    }
  } else if (stage === 'floor-jsonl') {
    const { readLines } = await import('../src/ingest/read-lines.ts');
    for await (const line of readLines(createReadStream(file, { highWaterMark: 1 << 20 }), 64 << 20)) {
      if (line.kind === 'line' && line.text !== '') {
        JSON.parse(line.text);
        conversations += 1;
      }
    }
  } else if (stage === 'import') {
    const { DuckDbStore } = await import('../src/store/duckdb/duckdb-store.ts');
    const { importIntoStore } = await import('../src/import-into-store.ts');
    const store = await DuckDbStore.open(path.join(work, 'import.duckdb'));
    const summary = await importIntoStore([file], { store, runId: await store.beginRun('bench'), participantKey: key });
    conversations = summary.conversations;
    await store.close();
  } else if (stage === 'facets') {
    const { writeFacets } = await import('../src/write-facets.ts');
    const result = await writeFacets([file], { out: path.join(work, 'facets.jsonl'), participantKey: key, threads });
    conversations = result.written;
  } else {
    const { DuckDbStore } = await import('../src/store/duckdb/duckdb-store.ts');
    const { analyze } = await import('../src/analyze.ts');
    const store = await DuckDbStore.open(path.join(work, 'analyze.duckdb'));
    const distributed =
      stage === 'distributed'
        ? { redis: redis as string, sharedDir: path.join(work, 'shared'), queue: path.basename(work), shardSize: 250 }
        : undefined;
    const { summary } = await analyze([file], {
      store,
      out: path.join(work, 'analyze-out'),
      participantKey: key,
      threads,
      ...(distributed ? { distributed } : {}),
    });
    conversations = summary.store.conversations;
    facetSeconds = summary.distributed?.seconds;
    await store.close();
  }
  const report: StageReport = {
    conversations,
    seconds: (performance.now() - started) / 1000,
    hwmMb: memoryOf('self')?.hwm ?? 0,
    ...(facetSeconds === undefined ? {} : { facetSeconds }),
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

/** The same conversations as OpenAI-messages JSONL, for the JSONL floor. */
async function writeJsonl(chatgptFile: string, out: string): Promise<void> {
  const { ingest } = await import('../src/ingest/ingest.ts');
  const stream = createWriteStream(out);
  for await (const event of ingest([chatgptFile], { participantKey: Buffer.alloc(32), redact: false })) {
    if (event.kind !== 'conversation') continue;
    const record = {
      id: event.conversation.id,
      messages: event.conversation.messages.map((m) => ({ role: m.role, content: m.text })),
    };
    if (!stream.write(`${JSON.stringify(record)}\n`)) await once(stream, 'drain');
  }
  stream.end();
  await once(stream, 'finish');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      conversations: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '1' },
      json: { type: 'string' },
      stage: { type: 'string' },
      file: { type: 'string' },
      work: { type: 'string' },
      keep: { type: 'boolean', default: false },
      redis: { type: 'string' },
      /** Worker processes of the distributed runs, e.g. "1,2" (each on one thread); "" skips them. */
      workers: { type: 'string', default: '1,2' },
      /** Facet worker threads of the facets and analyze stages (default: every core). */
      threads: { type: 'string', default: String(os.availableParallelism()) },
    },
  });
  const threads = Number(values.threads);
  if (!Number.isInteger(threads) || threads < 1) throw new Error(`--threads must be a positive integer, got ${values.threads}`);
  if (values.stage) return runStage(values.stage as Stage, values.file as string, values.work as string, threads, values.redis);

  const count = Number(values.conversations);
  const folder = path.join(os.tmpdir(), 'affectlens-bench', `corpus-${count}-seed${values.seed}`);
  mkdirSync(folder, { recursive: true });
  const chatgpt = path.join(folder, 'conversations.json');
  const jsonl = path.join(folder, 'conversations.jsonl');
  if (!existsSync(chatgpt)) {
    process.stderr.write(`generating ${count} conversations…\n`);
    await generateChatgptExport({ out: chatgpt, conversations: count, seed: Number(values.seed) });
  }
  if (!existsSync(jsonl)) await writeJsonl(chatgpt, jsonl);
  const bytes = statSync(chatgpt).size;

  const results: Record<string, StageReport & { wallSeconds: number }> = {};
  for (const stage of ['floor', 'floor-jsonl', 'import', 'facets', 'analyze'] as Stage[]) {
    const work = path.join(folder, `work-${stage}`);
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    const file = stage === 'floor-jsonl' ? jsonl : chatgpt;
    const args = ['--import', 'tsx', SELF, '--stage', stage, '--file', file, '--work', work, '--threads', String(threads)];
    const run = await runSampled(process.execPath, args);
    if (run.code !== 0) throw new Error(`stage ${stage} failed: ${run.stderr.slice(-2000)}`);
    const report = JSON.parse(run.stdout.trim().split('\n').pop() as string) as StageReport;
    results[stage] = { ...report, hwmMb: Math.max(report.hwmMb, run.peakRssMb), wallSeconds: run.seconds };
    if (!values.keep) rmSync(work, { recursive: true, force: true });
  }

  const distributed = await benchDistributed(
    chatgpt,
    folder,
    values.workers
      .split(',')
      .filter(Boolean)
      .map((n) => Number(n)),
    values.keep,
  );
  for (const [workers, report] of Object.entries(distributed)) results[`distrib ${workers}w`] = report;

  const floor = results.floor as StageReport;
  const megabytes = bytes / 1e6;
  console.log(
    `corpus: ${count} conversations, ${megabytes.toFixed(1)} MB (ChatGPT export format); ${os.cpus().length} cores, ` +
      `facets on ${threads} thread${threads === 1 ? '' : 's'} (floor and import on 1)`,
  );
  console.log('stage         seconds   conv/s     MB/s  peak RSS MB  × floor');
  for (const [stage, report] of Object.entries(results)) {
    const line = [
      stage.padEnd(12),
      report.seconds.toFixed(2).padStart(8),
      Math.round(report.conversations / report.seconds)
        .toString()
        .padStart(8),
      (megabytes / report.seconds).toFixed(1).padStart(8),
      report.hwmMb.toFixed(0).padStart(12),
      (report.seconds / floor.seconds).toFixed(2).padStart(8),
    ];
    console.log(line.join(' '));
  }
  if (distributed[1] && distributed[2]) {
    const [one, two] = [distributed[1], distributed[2]];
    console.log(
      `distributed, 2 workers vs 1 (one thread each): whole analyze ${(one.seconds / two.seconds).toFixed(2)}×, ` +
        `classifying phase ${((one.facetSeconds ?? 0) / (two.facetSeconds ?? 1)).toFixed(2)}× ` +
        `(${(one.facetSeconds ?? 0).toFixed(1)} s → ${(two.facetSeconds ?? 0).toFixed(1)} s)`,
    );
  }
  const summary = {
    conversations: count,
    bytes,
    cores: os.availableParallelism(),
    /** Facet worker threads of the facets and analyze stages; floor and import run on one core. */
    threads,
    floor_s: floor.seconds,
    floor_jsonl_s: results['floor-jsonl']?.seconds,
    import_s: results.import?.seconds,
    facets_s: results.facets?.seconds,
    analyze_s: results.analyze?.seconds,
    import_to_floor: (results.import?.seconds ?? 0) / floor.seconds,
    facets_to_floor: (results.facets?.seconds ?? 0) / floor.seconds,
    analyze_to_floor: (results.analyze?.seconds ?? 0) / floor.seconds,
    facets_conv_per_s: count / (results.facets?.seconds ?? 1),
    peak_rss_mb: Math.max(...Object.values(results).map((report) => report.hwmMb)),
    /** Whole distributed analyze (coordinator import + shards + merge + study) and its classifying phase, by worker count. */
    distributed: Object.fromEntries(
      Object.entries(distributed).map(([workers, report]) => [
        workers,
        { analyze_s: report.seconds, facets_s: report.facetSeconds },
      ]),
    ),
    distributed_speedup_2_vs_1:
      distributed[1] && distributed[2]
        ? {
            analyze: distributed[1].seconds / distributed[2].seconds,
            facets: (distributed[1].facetSeconds ?? 0) / (distributed[2].facetSeconds ?? 1),
          }
        : undefined,
    stages: results,
  };
  if (values.json) writeFileSync(values.json, `${JSON.stringify(summary, null, 2)}\n`);
}

/**
 * `analyze --distributed` against a redis-server of its own on a free loopback port, with 1, 2, …
 * `affectlens worker` processes of one thread each; skipped (one line) without redis-server.
 */
async function benchDistributed(
  file: string,
  folder: string,
  workerCounts: number[],
  keep: boolean,
): Promise<Record<number, StageReport & { wallSeconds: number }>> {
  const results: Record<number, StageReport & { wallSeconds: number }> = {};
  if (workerCounts.length === 0) return results;
  const server = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).stdout.trim();
  if (!server) {
    process.stderr.write('distributed: skipped (redis-server is not installed)\n');
    return results;
  }
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
  const redis = spawn(server, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  const url = `redis://127.0.0.1:${port}`;
  await new Promise((resolve) => setTimeout(resolve, 500));
  try {
    for (const count of workerCounts) {
      const work = path.join(folder, `work-distributed-${count}`);
      rmSync(work, { recursive: true, force: true });
      mkdirSync(work, { recursive: true });
      const queue = path.basename(work);
      const workers = Array.from({ length: count }, () =>
        spawn(process.execPath, ['--import', 'tsx', CLI, 'worker', '--redis', url, '--queue', queue, '--threads', '1'], {
          stdio: ['ignore', 'ignore', 'pipe'],
        }),
      );
      await Promise.all(
        workers.map(
          (worker) =>
            new Promise<void>((resolve) => {
              let log = '';
              worker.stderr.on('data', (chunk: Buffer) => {
                log += chunk.toString();
                if (log.includes('ready')) resolve();
              });
            }),
        ),
      );
      const args = ['--import', 'tsx', SELF, '--stage', 'distributed', '--file', file, '--work', work, '--redis', url];
      const run = await runSampled(process.execPath, args);
      for (const worker of workers) worker.kill('SIGTERM');
      if (run.code !== 0) throw new Error(`distributed with ${count} workers failed: ${run.stderr.slice(-2000)}`);
      const report = JSON.parse(run.stdout.trim().split('\n').pop() as string) as StageReport;
      results[count] = { ...report, hwmMb: Math.max(report.hwmMb, run.peakRssMb), wallSeconds: run.seconds };
      if (!keep) rmSync(work, { recursive: true, force: true });
    }
  } finally {
    redis.kill('SIGKILL');
  }
  return results;
}

await main();
