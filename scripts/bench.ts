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
import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { memoryOf, runSampled } from './bench-process.ts';
import { generateChatgptExport } from './generate-chatgpt-export.ts';

const SELF = fileURLToPath(import.meta.url);
type Stage = 'floor' | 'floor-jsonl' | 'import' | 'facets' | 'analyze';

interface StageReport {
  conversations: number;
  seconds: number;
  hwmMb: number;
}

/** Runs inside the child process: one stage, timed from the first byte read to the last write. */
async function runStage(stage: Stage, file: string, work: string, threads: number): Promise<void> {
  const key = Buffer.alloc(32, 9);
  let conversations = 0;
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
    const { summary } = await analyze([file], { store, out: path.join(work, 'analyze-out'), participantKey: key, threads });
    conversations = summary.store.conversations;
    await store.close();
  }
  const report: StageReport = { conversations, seconds: (performance.now() - started) / 1000, hwmMb: memoryOf('self')?.hwm ?? 0 };
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
      /** Facet worker threads of the facets and analyze stages (default: every core). */
      threads: { type: 'string', default: String(os.availableParallelism()) },
    },
  });
  const threads = Number(values.threads);
  if (!Number.isInteger(threads) || threads < 1) throw new Error(`--threads must be a positive integer, got ${values.threads}`);
  if (values.stage) return runStage(values.stage as Stage, values.file as string, values.work as string, threads);

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
    stages: results,
  };
  if (values.json) writeFileSync(values.json, `${JSON.stringify(summary, null, 2)}\n`);
}

await main();
