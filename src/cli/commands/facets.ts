import type { Command } from 'commander';
import { addBackendOptions, type BackendFlags, createBackendFromOptions, printDryRun } from '../../backends/from-options.ts';
import { ConfigError } from '../../errors.ts';
import { contextFrom, createIssuePrinter, createProgress, setExitStatus } from '../output.ts';
import { addInputOptions, type InputFlags, inputOptionsFrom } from '../shared-options.ts';

interface FacetsFlags extends InputFlags, BackendFlags {
  out: string;
  quarantine?: string;
  explain?: boolean;
  threads?: string;
}

function threadsOption(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new ConfigError(`--threads must be a positive integer, got "${text}"`);
  return value;
}

export function registerFacets(program: Command): void {
  addBackendOptions(
    addInputOptions(
      program
        .command('facets')
        .description('compute facets straight from exports: one JSON line per conversation (no store)')
        .argument('<paths...>', 'export files, folders or .zip archives'),
    )
      .requiredOption('--out <file>', 'output JSON Lines file')
      .option('--quarantine <file>', 'list of skipped input (default: <out>.quarantine.jsonl)')
      .option('--explain', 'add the evidence (rules, model features) behind each positive decision')
      .option('--threads <n>', 'worker threads for the embedded facets (default: every core; 1 = no pool)'),
  ).action(async (paths: string[], flags: FacetsFlags) => {
    const threads = threadsOption(flags.threads);
    // The default (embedded) backend is left to the library: with worker threads its models load in
    // the workers only.
    const backend =
      (flags.backend ?? 'embedded') === 'embedded' && !flags.dryRun ? undefined : await createBackendFromOptions(flags);
    const { writeFacets } = await import('../../write-facets.ts');
    const { resolveParticipantKey } = await import('../../privacy/participant-key.ts');
    const participantKey = resolveParticipantKey({ keyFile: flags.participantKeyFile });
    if (flags.dryRun && backend) return printDryRun(paths, backend, flags, { participantKey, ...inputOptionsFrom(flags) });
    const context = contextFrom(flags);
    const quarantineOut = flags.quarantine ?? `${flags.out.replace(/\.jsonl?$/, '')}.quarantine.jsonl`;
    const progress = createProgress(context, 'facets');
    const issues = createIssuePrinter(context);
    let currentFile = '';
    let fileBytes = 0;
    try {
      const result = await writeFacets(paths, {
        out: flags.out,
        quarantineOut,
        explain: Boolean(flags.explain),
        backend,
        threads,
        participantKey,
        ...inputOptionsFrom(flags),
        onIssue: (issue) => issues.print(issue),
        onBytes: (file, bytes) => {
          if (file.displayPath !== currentFile) {
            currentFile = file.displayPath;
            fileBytes = file.size;
            progress.line(`reading ${file.displayPath}`);
          }
          progress.update(bytes, fileBytes, currentFile, 'bytes');
        },
      });
      progress.stop();
      issues.finish(quarantineOut);
      const { ingest } = result;
      const status = result.written === 0 ? 'nothing-usable' : ingest.skipped > 0 ? 'partial' : 'ok';
      if (context.json)
        process.stdout.write(
          `${JSON.stringify({ status, written: result.written, out: flags.out, quarantine: quarantineOut, ...ingest, facets: result.facets, backend_run: result.backend_run }, null, 2)}\n`,
        );
      else if (!context.quiet) {
        process.stderr.write(
          `wrote ${result.written} conversations to ${flags.out}; ${ingest.skipped} skipped` +
            (ingest.skipped ? ` (listed in ${quarantineOut})` : '') +
            `, ${ingest.warnings} repaired` +
            (result.facets.failed ? `; ${result.facets.failed} failed (${JSON.stringify(result.facets.failures)})` : '') +
            '\n',
        );
      }
      setExitStatus(status);
    } finally {
      progress.stop();
    }
  });
}
