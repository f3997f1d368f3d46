import type { Command } from 'commander';
import { ConfigError } from '../../errors.ts';
import { contextFrom, createIssuePrinter, createProgress, setExitStatus } from '../output.ts';
import { addInputOptions, type InputFlags, inputOptionsFrom } from '../shared-options.ts';

interface FacetsFlags extends InputFlags {
  out: string;
  backend: string;
  quarantine?: string;
  explain?: boolean;
}

export function registerFacets(program: Command): void {
  addInputOptions(
    program
      .command('facets')
      .description('compute facets straight from exports: one JSON line per conversation (no store)')
      .argument('<paths...>', 'export files, folders or .zip archives'),
  )
    .requiredOption('--out <file>', 'output JSON Lines file')
    .option('--backend <backend>', 'facet backend', 'embedded')
    .option('--quarantine <file>', 'list of skipped input (default: <out>.quarantine.jsonl)')
    .option('--explain', 'add the evidence (rules, model features) behind each positive decision')
    .action(async (paths: string[], flags: FacetsFlags) => {
      if (flags.backend !== 'embedded') {
        throw new ConfigError(`unknown backend: ${flags.backend}`, { hint: 'this version has the embedded backend only' });
      }
      const { writeFacets } = await import('../../write-facets.ts');
      const { resolveParticipantKey } = await import('../../privacy/participant-key.ts');
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
          participantKey: resolveParticipantKey({ keyFile: flags.participantKeyFile }),
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
            `${JSON.stringify({ status, written: result.written, out: flags.out, quarantine: quarantineOut, ...ingest }, null, 2)}\n`,
          );
        else if (!context.quiet) {
          process.stderr.write(
            `wrote ${result.written} conversations to ${flags.out}; ${ingest.skipped} skipped` +
              (ingest.skipped ? ` (listed in ${quarantineOut})` : '') +
              `, ${ingest.warnings} repaired\n`,
          );
        }
        setExitStatus(status);
      } finally {
        progress.stop();
      }
    });
}
