import type { Command } from 'commander';
import { EXIT } from '../../errors.ts';
import { type CliContext, createIssuePrinter, createProgress } from '../output.ts';
import { addInputOptions, type InputFlags, importOptionsFrom } from '../shared-options.ts';

interface ImportFlags extends InputFlags {
  db: string;
  force?: boolean;
}

export function registerImport(program: Command): void {
  addInputOptions(
    program
      .command('import')
      .description('read exports (files, folders, .zip) into the store; re-running is idempotent and resumes')
      .argument('<paths...>', 'export files, folders or .zip archives'),
  )
    .option('--db <file>', 'DuckDB store file', 'affectlens.duckdb')
    .option('--force', 'read files again even if they were imported completely before')
    .action(async (paths: string[], flags: ImportFlags) => {
      const { DuckDbStore } = await import('../../store/duckdb/duckdb-store.ts');
      const { importIntoStore } = await import('../../import-into-store.ts');
      const { resolveParticipantKey } = await import('../../privacy/participant-key.ts');
      const context: CliContext = { json: Boolean(flags.json), quiet: Boolean(flags.quiet) };
      const participantKey = resolveParticipantKey({ keyFile: flags.participantKeyFile, storePath: flags.db });
      const store = await DuckDbStore.open(flags.db);
      const progress = createProgress(context, 'import');
      const issues = createIssuePrinter(context);
      try {
        const runId = await store.beginRun(`import ${paths.join(' ')}`);
        let lastFile = '';
        const summary = await importIntoStore(paths, {
          store,
          runId,
          format: flags.format,
          participantKey,
          ...(flags.participant === undefined ? {} : { participant: flags.participant }),
          import: importOptionsFrom(flags),
          force: Boolean(flags.force),
          onProgress: (p) => {
            if (p.file !== lastFile) {
              lastFile = p.file;
              progress.line(`reading ${p.file} (${p.fileIndex}/${p.files})`);
            }
            progress.update(
              p.bytesRead,
              p.fileBytes,
              `file ${p.fileIndex}/${p.files}, ${p.conversations} conversations`,
              'bytes',
            );
          },
        });
        progress.stop();
        for (const issue of await store.issues(runId)) issues.print(issue);
        issues.finish();
        const usable = summary.conversations > 0 || summary.filesAlreadyImported > 0;
        const status = !usable ? 'nothing-usable' : summary.skipped > 0 ? 'partial' : 'ok';
        await store.finishRun(runId, status, summary);
        if (context.json) process.stdout.write(`${JSON.stringify({ runId, status, ...summary }, null, 2)}\n`);
        else if (!context.quiet) {
          process.stderr.write(
            `imported ${summary.conversations} conversations from ${summary.files} files into ${flags.db}: ` +
              `${summary.inserted} new, ${summary.updated} updated, ${summary.unchanged} unchanged; ` +
              `${summary.skipped} skipped, ${summary.warnings} repaired` +
              (summary.filesAlreadyImported ? `; ${summary.filesAlreadyImported} files already imported` : '') +
              '\n',
          );
        }
        process.exitCode = status === 'ok' ? EXIT.ok : status === 'partial' ? EXIT.partial : EXIT.nothingUsable;
      } finally {
        progress.stop();
        await store.close();
      }
    });
}
