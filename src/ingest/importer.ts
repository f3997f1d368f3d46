/**
 * The Importer seam. One file per export format under src/ingest/<format>/, registered in index.ts.
 * Importers stream: they never hold more than one conversation (plus a bounded buffer) in memory,
 * and they never throw for one bad record — they yield an issue and go on.
 */
import type { ImportedConversation, SourceFormat } from '../model.ts';
import type { SourceFile } from './source-files.ts';

export type IssueCode =
  | 'unreadable-file'
  | 'unrecognised-format'
  | 'invalid-json'
  | 'truncated'
  | 'invalid-utf8'
  | 'wrong-shape'
  | 'broken-tree'
  | 'empty-conversation'
  | 'duplicate'
  | 'element-too-large'
  | 'message-truncated'
  | 'unknown-role'
  | 'trailing-data';

/**
 * `skipped`: the record (or file) was not imported and goes to the quarantine list.
 * `warning`: the record was imported after a documented repair (e.g. an unknown role kept as system).
 */
export type IssueSeverity = 'skipped' | 'warning';

export interface Position {
  byteOffset?: number;
  /** For JSON Lines / CSV input: the 1-based line or record number. */
  line?: number;
  /** End of a skipped byte range, when known. */
  endOffset?: number;
}

export interface ImportIssue {
  file: string;
  position: Position;
  conversationId?: string;
  code: IssueCode;
  severity: IssueSeverity;
  /** Why, in words. Never contains message text. */
  reason: string;
}

export type ImportRecord =
  | { kind: 'conversation'; conversation: ImportedConversation; position: Position; warnings?: ImportIssue[] }
  | { kind: 'issue'; issue: ImportIssue };

/** The first bytes of a file, for cheap format sniffing. */
export interface FileSample {
  name: string;
  /** Up to 64 KiB decoded as UTF-8 (invalid bytes replaced). */
  head: string;
}

export interface ImportOptions {
  /** Elements (conversations, lines) larger than this are skipped with an issue. */
  maxRecordBytes: number;
  /** Messages longer than this many characters are cut with a warning. */
  maxMessageChars: number;
  /** Column names for CSV input. */
  csvColumns?: Partial<CsvColumns>;
}

export interface CsvColumns {
  conversationId: string;
  role: string;
  text: string;
  timestamp: string;
  participant: string;
}

export const DEFAULT_IMPORT_OPTIONS: ImportOptions = {
  maxRecordBytes: 64 * 1024 * 1024,
  maxMessageChars: 200_000,
};

export interface Importer {
  readonly id: SourceFormat;
  readonly description: string;
  /**
   * Who a conversation belongs to when the export carries no user id:
   * 'file' for personal account exports (one export = one person),
   * 'conversation' for dataset-style files (every conversation from a different, unknown person).
   */
  readonly participantScope: 'file' | 'conversation';
  /** Confidence 0..1 that the sample is this format. 0 = certainly not. */
  detect(sample: FileSample): number;
  read(file: SourceFile, options: ImportOptions): AsyncIterable<ImportRecord>;
}

export const issue = (
  file: SourceFile | string,
  code: IssueCode,
  severity: IssueSeverity,
  reason: string,
  position: Position = {},
  conversationId?: string,
): ImportIssue => ({
  file: typeof file === 'string' ? file : file.displayPath,
  position,
  code,
  severity,
  reason,
  ...(conversationId === undefined ? {} : { conversationId }),
});
