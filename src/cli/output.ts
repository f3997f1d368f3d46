/** Terminal output shared by the commands: progress on stderr, summaries, issue listings. */
import { SingleBar } from 'cli-progress';
import pc from 'picocolors';
import type { ImportIssue } from '../ingest/importer.ts';

export interface CliContext {
  json: boolean;
  quiet: boolean;
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
  const bar = interactive
    ? new SingleBar({
        stream: process.stderr,
        format: `${label} [{bar}] {percentage}% | {value}/{total} {unit} | {detail}`,
        hideCursor: true,
        clearOnComplete: false,
      })
    : undefined;
  let started = false;
  return {
    update(value: number, total: number, detail: string, unit: string) {
      if (!bar) return;
      if (!started) {
        bar.start(Math.max(total, 1), value, { detail, unit });
        started = true;
      }
      bar.setTotal(Math.max(total, 1));
      bar.update(value, { detail, unit });
    },
    line(text: string) {
      if (!context.quiet && !context.json && !bar) process.stderr.write(`${text}\n`);
    },
    stop() {
      if (started) bar?.stop();
    },
  };
}
