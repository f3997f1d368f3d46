/**
 * `npm run eval`: every facet of the embedded backend over the development sets in ../shared/datasets,
 * beside its baselines; prints the table and writes eval/results.json and eval/results.md.
 *
 *   npm run eval                 # every item (under a minute on 2 cores)
 *   npm run eval -- --quick      # CPsyCounD deterministically subsampled to 1,000
 *   npm run eval -- --no-write   # print only
 *
 * AFFECTLENS_DATASETS overrides where the datasets are. Always the real backend: there is no flag for a fake.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { datasetsRoot } from '../src/eval/datasets/common.ts';
import { embeddedEvaluated } from '../src/eval/embedded-evaluated.ts';
import { runEvaluation } from '../src/eval/harness.ts';
import { type RunInfo, renderJson, renderMarkdown, renderTable } from '../src/eval/report.ts';

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const flags = process.argv.slice(2).filter((arg) => arg.startsWith('--'));
const unknown = flags.filter((flag) => !['--quick', '--no-write'].includes(flag));
if (unknown.length > 0) {
  console.error(`unknown option ${unknown.join(' ')} (known: --quick, --no-write)`);
  process.exit(2);
}

function gitCommit(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${commit}+dirty` : commit;
  } catch {
    return 'unknown';
  }
}

const root = datasetsRoot();
console.error(`datasets: ${root}`);
const evaluated = await embeddedEvaluated();
const result = await runEvaluation(evaluated, {
  root,
  quick: flags.includes('--quick'),
  log: (line) => console.error(line),
});
const run: RunInfo = {
  date: new Date().toISOString().slice(0, 10),
  commit: gitCommit(),
  flags: flags.filter((flag) => flag === '--quick'),
};

console.log(renderTable(result.rows));
if (result.speed) {
  console.log(
    `\nspeed: ${result.speed.msPerConversation.toFixed(3)} ms per conversation (classifySync, ${result.speed.conversations} conversations, one core)`,
  );
}
console.log(`${result.rows.length} rows, ${result.skipped.length} datasets skipped, ${result.seconds.toFixed(0)} s`);
if (!flags.includes('--no-write')) {
  const out = path.join(ROOT, 'eval');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'results.json'), renderJson(result, run));
  writeFileSync(path.join(out, 'results.md'), renderMarkdown(result, run));
  console.log('wrote eval/results.json and eval/results.md');
}
