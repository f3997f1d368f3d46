import type { Command } from 'commander';
import { contextFrom, createIssuePrinter, createProgress, importProgressReporter, setExitStatus } from '../output.ts';
import { addInputOptions, addStoreOptions, type InputFlags, inputOptionsFrom, type StoreFlags } from '../shared-options.ts';

export function registerImport(program: Command): void {
  addStoreOptions(
    addInputOptions(
      program
        .command('import')
        .description('read exports (files, folders, .zip) into the store; re-running is idempotent and resumes')
        .argument('<paths...>', 'export files, folders or .zip archives'),
    ),
  ).action(async (paths: string[], flags: InputFlags & StoreFlags) => {
    const { DuckDbStore } = await import('../../store/duckdb/duckdb-store.ts');
    const { importIntoStore } = await import('../../import-into-store.ts');
    const { resolveParticipantKey } = await import('../../privacy/participant-key.ts');
    const context = contextFrom(flags);
    const participantKey = resolveParticipantKey({ keyFile: flags.participantKeyFile, storePath: flags.db });
    const store = await DuckDbStore.open(flags.db);
    const progress = createProgress(context, 'import');
    const issues = createIssuePrinter(context);
    try {
      const runId = await store.beginRun(`import ${paths.join(' ')}`);
      const summary = await importIntoStore(paths, {
        store,
        runId,
        participantKey,
        ...inputOptionsFrom(flags),
        force: Boolean(flags.force),
        onProgress: importProgressReporter(progress),
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
      setExitStatus(status);
    } finally {
      progress.stop();
      await store.close();
    }
  });
}
