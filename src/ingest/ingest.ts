/**
 * The ingest stage: paths → source files → format detection → importer records → finalized
 * Conversations, as one stream of events. Nothing here throws for bad input; problems are events.
 */

import { ConfigError } from '../errors.ts';
import type { Conversation, SourceFormat } from '../model.ts';
import { createRedactor } from '../privacy/redact.ts';
import { finalizeConversation } from './finalize.ts';
import {
  DEFAULT_IMPORT_OPTIONS,
  type Importer,
  type ImportIssue,
  type ImportOptions,
  type IssueCode,
  issue,
} from './importer.ts';
import { detectImporter, importerById } from './registry.ts';
import { listSourceFiles, type SourceFile } from './source-files.ts';

export interface IngestOptions {
  /** Force one format for every file instead of sniffing each. */
  format?: SourceFormat | 'auto';
  /** Key for participant pseudonyms (see privacy/pseudonymize.ts). */
  participantKey: Buffer;
  /** One raw participant id for all the input (a donation id); hashed like any other. */
  participant?: string;
  import?: Partial<ImportOptions>;
  /** Called with the bytes read so far in the current file (for progress bars). */
  onBytes?: (file: SourceFile, bytesRead: number) => void;
  /**
   * Personal-data redaction applied to every message and title before anything downstream sees it.
   * Default: the built-in redactor (src/privacy/redact.ts). `false` only for data already de-identified.
   */
  redact?: false | ((text: string) => { text: string; counts: Partial<Record<string, number>> });
  /** Returns true to pass over a file without reading it (resume: already fully imported). */
  skipFile?: (file: SourceFile) => boolean | Promise<boolean>;
}

export type IngestEvent =
  | { kind: 'files'; files: SourceFile[]; ignored: string[] }
  | { kind: 'file-start'; file: SourceFile; format: SourceFormat | undefined }
  | { kind: 'file-end'; file: SourceFile; format: SourceFormat | undefined; conversations: number; skipped: number }
  | { kind: 'file-skipped'; file: SourceFile }
  | { kind: 'conversation'; conversation: Conversation }
  | { kind: 'issue'; issue: ImportIssue };

/** Wraps a file so every byte read is reported. */
function countingFile(file: SourceFile, onBytes: ((file: SourceFile, bytes: number) => void) | undefined): SourceFile {
  if (!onBytes) return file;
  return {
    ...file,
    open: async () => {
      const stream = await file.open();
      let bytes = 0;
      stream.on('data', (chunk: Buffer | string) => {
        bytes += chunk.length;
        onBytes(file, bytes);
      });
      return stream;
    },
  };
}

export async function* ingest(paths: readonly string[], options: IngestOptions): AsyncGenerator<IngestEvent> {
  const importOptions: ImportOptions = { ...DEFAULT_IMPORT_OPTIONS, ...options.import };
  let forced: Importer | undefined;
  if (options.format && options.format !== 'auto') {
    forced = importerById(options.format);
    if (!forced) throw new ConfigError(`unknown format: ${options.format}`, { hint: 'run `affectlens formats` to list them' });
  }
  const redactor = options.redact === undefined ? createRedactor() : undefined;
  const redact = options.redact === false ? undefined : (options.redact ?? ((text: string) => redactor!.redact(text)));
  const listing = await listSourceFiles(paths);
  yield { kind: 'files', files: listing.files, ignored: listing.ignored };
  // Duplicate ids within one run: the same key twice is imported once.
  const seen = new Set<string>();

  for (const file of listing.files) {
    if (options.skipFile && (await options.skipFile(file))) {
      yield { kind: 'file-skipped', file };
      continue;
    }
    let importer = forced;
    if (!importer) {
      try {
        importer = await detectImporter(file);
      } catch (error) {
        yield { kind: 'file-start', file, format: undefined };
        yield {
          kind: 'issue',
          issue: issue(file, 'unreadable-file', 'skipped', `cannot read file: ${(error as Error).message}`),
        };
        yield { kind: 'file-end', file, format: undefined, conversations: 0, skipped: 1 };
        continue;
      }
    }
    yield { kind: 'file-start', file, format: importer?.id };
    if (!importer) {
      yield {
        kind: 'issue',
        issue: issue(file, 'unrecognised-format', 'skipped', 'no importer recognises this file; use --format to choose one'),
      };
      yield { kind: 'file-end', file, format: undefined, conversations: 0, skipped: 1 };
      continue;
    }
    let conversations = 0;
    let skipped = 0;
    try {
      for await (const record of importer.read(countingFile(file, options.onBytes), importOptions)) {
        if (record.kind === 'issue') {
          if (record.issue.severity === 'skipped') skipped += 1;
          yield record;
          continue;
        }
        for (const warning of record.warnings ?? []) yield { kind: 'issue', issue: warning };
        const result = finalizeConversation(record.conversation, {
          source: importer.id,
          file: file.displayPath,
          position: record.position,
          participantKey: options.participantKey,
          ...(options.participant === undefined ? {} : { participantOverride: options.participant }),
          participantScope: importer.participantScope,
          maxMessageChars: importOptions.maxMessageChars,
          ...(redact ? { redact } : {}),
        });
        if ('skip' in result) {
          skipped += 1;
          yield {
            kind: 'issue',
            issue: issue(file, result.skip, 'skipped', result.reason, record.position, record.conversation.id),
          };
          continue;
        }
        for (const warning of result.warnings) {
          yield {
            kind: 'issue',
            issue: issue(file, warning.code, 'warning', warning.reason, record.position, record.conversation.id),
          };
        }
        const dedupeKey = result.conversation.key.slice(0, 32);
        if (seen.has(dedupeKey)) {
          skipped += 1;
          yield {
            kind: 'issue',
            issue: issue(
              file,
              'duplicate',
              'skipped',
              'a conversation with this id was already read in this run',
              record.position,
              record.conversation.id,
            ),
          };
          continue;
        }
        seen.add(dedupeKey);
        conversations += 1;
        yield { kind: 'conversation', conversation: result.conversation };
      }
    } catch (error) {
      // A stream error (unreadable file, broken zip entry) ends this file, not the run.
      skipped += 1;
      yield { kind: 'issue', issue: issue(file, 'unreadable-file', 'skipped', `reading stopped: ${(error as Error).message}`) };
    }
    yield { kind: 'file-end', file, format: importer.id, conversations, skipped };
  }
}

export interface IngestSummary {
  files: number;
  filesIgnored: number;
  filesUnrecognised: number;
  filesAlreadyImported: number;
  conversations: number;
  skipped: number;
  warnings: number;
  /** How many issues of each kind (skipped and warnings). */
  issues: Partial<Record<IssueCode, number>>;
  byFormat: Partial<Record<SourceFormat, number>>;
  /** Personal data replaced by placeholders, by type ([EMAIL], [PHONE] …). */
  redacted: Record<string, number>;
}

/** Counts ingest events into the run summary. */
export class IngestTally {
  readonly summary: IngestSummary = {
    files: 0,
    filesIgnored: 0,
    filesUnrecognised: 0,
    filesAlreadyImported: 0,
    conversations: 0,
    skipped: 0,
    warnings: 0,
    issues: {},
    byFormat: {},
    redacted: {},
  };

  add(event: IngestEvent): void {
    const summary = this.summary;
    switch (event.kind) {
      case 'files':
        summary.files = event.files.length;
        summary.filesIgnored = event.ignored.length;
        break;
      case 'file-skipped':
        summary.filesAlreadyImported += 1;
        break;
      case 'conversation':
        summary.conversations += 1;
        summary.byFormat[event.conversation.source] = (summary.byFormat[event.conversation.source] ?? 0) + 1;
        for (const [type, count] of Object.entries((event.conversation.meta.redactions ?? {}) as Record<string, number>)) {
          summary.redacted[type] = (summary.redacted[type] ?? 0) + count;
        }
        break;
      case 'issue':
        summary.issues[event.issue.code] = (summary.issues[event.issue.code] ?? 0) + 1;
        if (event.issue.severity === 'skipped') summary.skipped += 1;
        else summary.warnings += 1;
        if (event.issue.code === 'unrecognised-format') summary.filesUnrecognised += 1;
        break;
      default:
        break;
    }
  }
}
