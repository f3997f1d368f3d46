/** Terminal output shared by the commands: progress on stderr, summaries, issue listings. */
import { SingleBar } from 'cli-progress';
import pc from 'picocolors';
import { EXIT } from '../errors.ts';
import type { ImportProgress } from '../import-into-store.ts';
import type { ImportIssue } from '../ingest/importer.ts';

export interface CliContext {
  json: boolean;
  quiet: boolean;
}

export function contextFrom(flags: { json?: boolean; quiet?: boolean }): CliContext {
  return { json: Boolean(flags.json), quiet: Boolean(flags.quiet) };
}

/** Sets the exit status for a finished run. */
export function setExitStatus(status: 'ok' | 'partial' | 'nothing-usable'): void {
  process.exitCode = status === 'ok' ? EXIT.ok : status === 'partial' ? EXIT.partial : EXIT.nothingUsable;
}

const MAX_LISTED_ISSUES = 20;

export function describeIssue(issue: ImportIssue): string {
  const where = [
    issue.position.line !== undefined ? `line ${issue.position.line}` : undefined,
    issue.position.byteOffset !== undefined ? `byte ${issue.position.byteOffset}` : undefined,
    issue.conversationId !== undefined ? `conversation ${issue.conversationId}` : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  return `${issue.file}${where ? ` (${where})` : ''}: [${issue.code}] ${issue.reason}`;
}

/** Prints skipped-input issues as they happen, up to a limit; the rest are counted. */
export function createIssuePrinter(context: CliContext) {
  let listed = 0;
  let unlisted = 0;
  return {
    print(issue: ImportIssue) {
      if (context.quiet || issue.severity !== 'skipped') return;
      if (listed < MAX_LISTED_ISSUES) {
        listed += 1;
        process.stderr.write(`${pc.yellow('skipped')} ${describeIssue(issue)}\n`);
      } else unlisted += 1;
    },
    finish(quarantinePath?: string) {
      if (unlisted > 0) {
        process.stderr.write(`… and ${unlisted} more skipped${quarantinePath ? `; all are listed in ${quarantinePath}` : ''}\n`);
      }
    },
  };
}

/** A progress bar on an interactive terminal; plain per-stage lines otherwise (CI logs). */
export function createProgress(context: CliContext, label: string) {
  const interactive = Boolean(process.stderr.isTTY) && !context.quiet && !context.json;
  let unit = '';
  // Bytes read as MB; other counts plain, with their unit after the total.
  const formatValue = (value: number, _options: unknown, type: string) => {
    if (type !== 'value' && type !== 'total') return String(value);
    if (unit === 'bytes') return `${(value / 1e6).toFixed(1)}${type === 'total' ? ' MB' : ''}`;
    return `${value}${type === 'total' ? ` ${unit}` : ''}`;
  };
  const bar = interactive
    ? new SingleBar({
        stream: process.stderr,
        format: `${label} [{bar}] {percentage}% | {value}/{total} | {detail}`,
        formatValue,
        hideCursor: true,
        clearOnComplete: false,
      })
    : undefined;
  let started = false;
  return {
    update(value: number, total: number, detail: string, valueUnit: string) {
      if (!bar) return;
      unit = valueUnit;
      if (!started) {
        bar.start(Math.max(total, 1), value, { detail });
        started = true;
      }
      bar.setTotal(Math.max(total, 1));
      bar.update(value, { detail });
    },
    line(text: string) {
      if (!context.quiet && !context.json && !bar) process.stderr.write(`${text}\n`);
    },
    stop() {
      if (started) bar?.stop();
    },
  };
}

/** An import onProgress callback: a line per file, then the bar by bytes. */
export function importProgressReporter(progress: ReturnType<typeof createProgress>) {
  let lastFile = '';
  return (p: ImportProgress) => {
    if (p.file !== lastFile) {
      lastFile = p.file;
      progress.line(`reading ${p.file} (${p.fileIndex}/${p.files})`);
    }
    progress.update(p.bytesRead, p.fileBytes, `file ${p.fileIndex}/${p.files}, ${p.conversations} conversations`, 'bytes');
  };
}
