import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Command, Option } from 'commander';
import {
  addBackendOptions,
  type BackendFlags,
  createBackendFromOptions,
  createLlmTopicsFromOptions,
  printDryRun,
} from '../../backends/from-options.ts';
import { ConfigError } from '../../errors.ts';
import { contextFrom, createIssuePrinter, createProgress, importProgressReporter, setExitStatus } from '../output.ts';
import { addInputOptions, addStoreOptions, type InputFlags, inputOptionsFrom, type StoreFlags } from '../shared-options.ts';

interface AnalyzeFlags extends InputFlags, StoreFlags, BackendFlags {
  out: string;
  kUsers: string;
  kConversations: string;
  seed: string;
  lang: 'en' | 'zh';
  threads?: string;
  distributed?: string;
  sharedDir?: string;
  queue: string;
  shardSize: string;
}

/** The validation table shipped with affectlens (eval/results.json at the package root), when present. */
const EVAL_RESULTS = fileURLToPath(new URL('../../../eval/results.json', import.meta.url));

function positiveInteger(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new ConfigError(`${name} must be a positive integer, got "${text}"`);
  return value;
}

export function registerAnalyze(program: Command): void {
  addStoreOptions(
    addInputOptions(
      addBackendOptions(
        program
          .command('analyze')
          .description('import, compute facets and write summary.json + report.html for everything in the store')
          .argument('<paths...>', 'export files, folders or .zip archives'),
      ),
    )
      .requiredOption('--out <dir>', 'output folder')
      .option('--k-users <n>', 'minimum distinct participants in every reported cell', '5')
      .option('--k-conversations <n>', 'minimum conversations in every reported cell', '10')
      .option('--seed <n>', 'seed of the bootstraps and topic clustering', '1')
      .addOption(new Option('--lang <lang>', 'language of report.html').choices(['en', 'zh']).default('en'))
      .option('--threads <n>', 'worker threads for the embedded facets (default: every core; 1 = no pool)')
      .option('--distributed <redis-url>', 'classify on `affectlens worker` processes through a BullMQ queue on this Redis')
      .option('--shared-dir <dir>', 'with --distributed: a directory the workers can read and write (default: <out>/shards)')
      .option('--queue <name>', 'with --distributed: the queue name', 'affectlens-facets')
      .option('--shard-size <n>', 'with --distributed: conversations per shard', '1000'),
  ).action(async (paths: string[], flags: AnalyzeFlags) => {
    const { DuckDbStore } = await import('../../store/duckdb/duckdb-store.ts');
    const { analyze } = await import('../../analyze.ts');
    const { resolveParticipantKey } = await import('../../privacy/participant-key.ts');
    const { readEvalTable } = await import('../../report/eval-table.ts');
    const context = contextFrom(flags);
    const thresholds = {
      kUsers: positiveInteger('--k-users', flags.kUsers),
      kConversations: positiveInteger('--k-conversations', flags.kConversations),
    };
    const seed = positiveInteger('--seed', flags.seed);
    const threads = flags.threads === undefined ? undefined : positiveInteger('--threads', flags.threads);
    const distributed = flags.distributed
      ? {
          redis: flags.distributed,
          sharedDir: flags.sharedDir ?? path.join(flags.out, 'shards'),
          queue: flags.queue,
          shardSize: positiveInteger('--shard-size', flags.shardSize),
          onStatus: (message: string) => {
            if (!context.quiet) process.stderr.write(`${message}\n`);
          },
        }
      : undefined;
    if (distributed && flags.backend && flags.backend !== 'embedded') {
      throw new ConfigError(`--distributed runs the embedded backend only, not --backend ${flags.backend}`);
    }
    const participantKey = resolveParticipantKey({ keyFile: flags.participantKeyFile, storePath: flags.db });
    // The default (embedded) backend is left to the library: with worker threads its models load in
    // the workers only.
    const backend =
      (flags.backend ?? 'embedded') === 'embedded' && !flags.dryRun ? undefined : await createBackendFromOptions(flags);
    if (flags.dryRun && backend) return printDryRun(paths, backend, flags, { participantKey, ...inputOptionsFrom(flags) });
    const store = await DuckDbStore.open(flags.db);
    const importProgress = createProgress(context, 'import');
    const facetProgress = createProgress(context, 'facets');
    const issues = createIssuePrinter(context);
    try {
      const { summary, status } = await analyze(paths, {
        store,
        out: flags.out,
        participantKey,
        backend,
        ...inputOptionsFrom(flags),
        force: Boolean(flags.force),
        thresholds,
        seed,
        ...(backend ? { llmTopics: await createLlmTopicsFromOptions(flags) } : {}),
        lang: flags.lang,
        threads,
        ...(distributed ? { distributed } : {}),
        evaluation: readEvalTable(EVAL_RESULTS),
        onProgress: importProgressReporter(importProgress),
        onFacetProgress: (done, total) => {
          importProgress.stop();
          if (done === 1) facetProgress.line(`computing facets for ${total} conversations`);
          facetProgress.update(done, total, '', 'conversations');
        },
      });
      importProgress.stop();
      facetProgress.stop();
      for (const issue of await store.issues(summary.run_id)) issues.print(issue);
      issues.finish(summary.outputs.quarantine);
      if (context.json) process.stdout.write(`${JSON.stringify({ status, ...summary }, null, 2)}\n`);
      else if (!context.quiet) {
        const { import: imported } = summary;
        process.stderr.write(
          `read ${imported.conversations} conversations (${imported.skipped} skipped, ${imported.warnings} repaired); ` +
            `the store holds ${summary.store.conversations} conversations from ${summary.store.participants} participants\n` +
            `report: ${path.resolve(summary.outputs.report)}\n`,
        );
      }
      setExitStatus(status);
    } finally {
      importProgress.stop();
      facetProgress.stop();
      await store.close();
    }
  });
}
