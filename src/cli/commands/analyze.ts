import path from 'node:path';
import type { Command } from 'commander';
import { EXIT } from '../../errors.ts';
import { type CliContext, createIssuePrinter, createProgress } from '../output.ts';
import { addInputOptions, type InputFlags, importOptionsFrom } from '../shared-options.ts';

interface AnalyzeFlags extends InputFlags {
  out: string;
  db: string;
  force?: boolean;
}

export function registerAnalyze(program: Command): void {
  addInputOptions(
    program
      .command('analyze')
      .description('import, compute facets and write summary.json + report.html for everything in the store')
      .argument('<paths...>', 'export files, folders or .zip archives'),
  )
    .requiredOption('--out <dir>', 'output folder')
    .option('--db <file>', 'DuckDB store file', 'affectlens.duckdb')
    .option('--force', 'read files again even if they were imported completely before')
    .action(async (paths: string[], flags: AnalyzeFlags) => {
      const { DuckDbStore } = await import('../../store/duckdb/duckdb-store.ts');
      const { analyze } = await import('../../analyze.ts');
      const { resolveParticipantKey } = await import('../../privacy/participant-key.ts');
      const context: CliContext = { json: Boolean(flags.json), quiet: Boolean(flags.quiet) };
      const participantKey = resolveParticipantKey({ keyFile: flags.participantKeyFile, storePath: flags.db });
      const store = await DuckDbStore.open(flags.db);
      const importProgress = createProgress(context, 'import');
      const facetProgress = createProgress(context, 'facets');
      const issues = createIssuePrinter(context);
      let lastFile = '';
      try {
        const { summary, status } = await analyze(paths, {
          store,
          out: flags.out,
          format: flags.format,
          participantKey,
          ...(flags.participant === undefined ? {} : { participant: flags.participant }),
          import: importOptionsFrom(flags),
          force: Boolean(flags.force),
          onProgress: (p) => {
            if (p.file !== lastFile) {
              lastFile = p.file;
              importProgress.line(`reading ${p.file} (${p.fileIndex}/${p.files})`);
            }
            importProgress.update(
              p.bytesRead,
              p.fileBytes,
              `file ${p.fileIndex}/${p.files}, ${p.conversations} conversations`,
              'bytes',
            );
          },
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
        process.exitCode = status === 'ok' ? EXIT.ok : status === 'partial' ? EXIT.partial : EXIT.nothingUsable;
      } finally {
        importProgress.stop();
        facetProgress.stop();
        await store.close();
      }
    });
}
