/**
 * How fast, and in how much memory, the ingest stage reads a big ChatGPT export.
 * Generates (or reuses) a synthetic export of the given size in the temp folder, then reads it in a
 * child process while sampling the child's resident memory, and prints
 * bytes, conversations, seconds, MB/s and peak RSS.
 *
 *   node --import tsx scripts/measure-import-memory.ts --bytes 1e9 [--seed 1] [--delete]
 *   node --import tsx scripts/measure-import-memory.ts --bytes 1e8 --cli   # the whole `affectlens import`
 *
 * The child is this same script with `--child FILE` (ingest() only, no store); with --cli it is
 * `node bin/affectlens.js import FILE --db TMP.duckdb` instead.
 */
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { memoryOf, runSampled } from './bench-process.ts';
import { generateChatgptExport } from './generate-chatgpt-export.ts';

const REPO = path.resolve(fileURLToPath(new URL('..', import.meta.url)));

/** The child: reads the file through ingest() and reports counts and its own peak memory. */
async function child(file: string): Promise<void> {
  const { ingest, IngestTally } = await import('../src/ingest/ingest.ts');
  const tally = new IngestTally();
  let messages = 0;
  const started = performance.now();
  for await (const event of ingest([file], { participantKey: Buffer.alloc(32, 1) })) {
    tally.add(event);
    if (event.kind === 'conversation') messages += event.conversation.messages.length;
  }
  const seconds = (performance.now() - started) / 1000;
  const memory = memoryOf('self');
  process.stdout.write(
    `${JSON.stringify({
      conversations: tally.summary.conversations,
      skipped: tally.summary.skipped,
      warnings: tally.summary.warnings,
      messages,
      seconds,
      hwmMb: memory?.hwm,
    })}\n`,
  );
}

interface ChildReport {
  conversations?: number;
  skipped?: number;
  warnings?: number;
  messages?: number;
  seconds?: number;
  hwmMb?: number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      bytes: { type: 'string', default: '1e8' },
      seed: { type: 'string', default: '1' },
      cli: { type: 'boolean', default: false },
      delete: { type: 'boolean', default: false },
      child: { type: 'string' },
    },
  });
  if (values.child) return child(values.child);

  const target = Number(values.bytes);
  const folder = path.join(os.tmpdir(), 'affectlens-bench', `chatgpt-${values.bytes}-seed${values.seed}`);
  const file = path.join(folder, 'conversations.json');
  mkdirSync(folder, { recursive: true });
  if (existsSync(file) && statSync(file).size >= target) {
    console.log(`reusing ${file}`);
  } else {
    const started = performance.now();
    const generated = await generateChatgptExport({
      out: file,
      bytes: target,
      seed: Number(values.seed),
      onProgress: (bytes) => process.stderr.write(`\rgenerating: ${(bytes / 1e6).toFixed(0)} MB`),
    });
    process.stderr.write(`\r${' '.repeat(30)}\r`);
    console.log(
      `generated ${file}: ${generated.conversations} conversations in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  const bytes = statSync(file).size;

  let run: Awaited<ReturnType<typeof runSampled>>;
  let db: string | undefined;
  if (values.cli) {
    const cli = path.join(REPO, 'bin', 'affectlens.js');
    if (!existsSync(cli)) throw new Error(`${cli} does not exist yet`);
    db = path.join(folder, `import-${process.pid}.duckdb`);
    run = await runSampled(process.execPath, [cli, 'import', file, '--db', db]);
  } else {
    run = await runSampled(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', file]);
  }
  if (db) {
    rmSync(db, { force: true });
    rmSync(`${db}.wal`, { force: true });
  }
  if (run.code !== 0) {
    console.error(run.stderr);
    throw new Error(`the child exited with code ${run.code}`);
  }
  let report: ChildReport = {};
  const lastLine = run.stdout.trim().split('\n').pop() ?? '';
  if (!values.cli) report = JSON.parse(lastLine) as ChildReport;
  const seconds = report.seconds ?? run.seconds;
  const peak = Math.max(run.peakRssMb, report.hwmMb ?? 0);
  console.log(
    [
      `mode:          ${values.cli ? 'affectlens import (CLI, with store)' : 'ingest() stage only'}`,
      `bytes:         ${bytes} (${(bytes / 1e6).toFixed(1)} MB)`,
      `conversations: ${report.conversations ?? '(see CLI output)'}`,
      ...(report.messages === undefined ? [] : [`messages:      ${report.messages}`]),
      ...(report.skipped === undefined ? [] : [`issues:        ${report.skipped} skipped, ${report.warnings} warnings`]),
      `seconds:       ${seconds.toFixed(2)}${values.cli ? '' : ` (process wall time ${run.seconds.toFixed(2)})`}`,
      `MB/s:          ${(bytes / 1e6 / seconds).toFixed(1)}`,
      `peak RSS MB:   ${peak.toFixed(1)}`,
    ].join('\n'),
  );
  if (values.cli)
    console.log(`CLI output (last lines):\n${`${run.stdout}\n${run.stderr}`.trim().split('\n').slice(-15).join('\n')}`);
  if (values.delete) {
    rmSync(folder, { recursive: true, force: true });
    console.log(`deleted ${folder}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
