/**
 * The Store seam: the checkpoint between stages. Every stage reads from and writes to it, so any
 * stage can be re-run alone, and an interrupted run resumes from what was committed.
 */
import type { ImportIssue } from '../ingest/importer.ts';
import type { Conversation, SourceFormat } from '../model.ts';

export interface SaveResult {
  /** Conversations stored for the first time. */
  inserted: number;
  /** Conversations already stored under the same key whose content changed (a newer export): replaced. */
  updated: number;
  /** Conversations already stored with identical content (a re-import): left as they were. */
  unchanged: number;
}

export interface ImportedFileRecord {
  fingerprint: string;
  path: string;
  size: number;
  modifiedMs: number;
  format: SourceFormat | undefined;
  conversations: number;
  skipped: number;
}

export interface StoreCounts {
  conversations: number;
  messages: number;
  userMessages: number;
  participants: number;
  bySource: Partial<Record<SourceFormat, number>>;
}

export interface RunRecord {
  runId: string;
  command: string;
  startedAt: string;
  finishedAt?: string;
  status: 'running' | 'ok' | 'partial' | 'failed' | 'nothing-usable';
  summary?: unknown;
}

/** One conversation's stored facet record with what the figures group by. */
export interface AnalysisRow {
  key: string;
  participant: string;
  source: SourceFormat;
  createdAt: string | null;
  /** The facet record as stored (FacetRecord of src/facets/facet-record.ts, with evidence). */
  facets: Record<string, unknown>;
}

/** Per-participant activity from user-message timestamps (UTC). */
export interface ParticipantActivity {
  participant: string;
  conversations: number;
  userMessages: number;
  /** Days with at least one user message (null: no timestamps in the export). */
  activeDays: number | null;
  /** Runs of user messages with gaps under 30 minutes. */
  sessions: number | null;
  /** Days between the first and last user message (at least 1). */
  spanDays: number | null;
  /** Share of timestamped user messages sent 00:00–05:59 UTC. */
  nightShare: number | null;
}

/**
 * One conversation of a facet run's work list: its stored record when it has one (a resumed run),
 * otherwise the conversation itself, to classify.
 */
export type FacetWorkItem =
  | { key: string; stored: Record<string, unknown>; conversation?: undefined }
  | { key: string; stored?: undefined; conversation: Conversation };

export interface Store {
  readonly location: string;
  beginRun(command: string): Promise<string>;
  finishRun(runId: string, status: RunRecord['status'], summary: unknown): Promise<void>;
  runs(): Promise<RunRecord[]>;
  /** Stores a batch atomically (all of it or none): conversations with their messages. */
  saveConversations(conversations: readonly Conversation[], runId: string): Promise<SaveResult>;
  /** Has this exact file (same path, size and modification time) been imported completely before? */
  isFileImported(fingerprint: string): Promise<boolean>;
  markFileImported(record: ImportedFileRecord, runId: string): Promise<void>;
  /** Records skipped input and repairs: file, position, reason — never message text. */
  saveIssues(issues: readonly ImportIssue[], runId: string): Promise<void>;
  issues(runId?: string): Promise<ImportIssue[]>;
  /** Stores one facet record per conversation for a facet run (e.g. 'base@1'), replacing earlier values. */
  saveFacetRecords(facetRun: string, records: readonly { key: string; value: unknown }[], runId: string): Promise<void>;
  /**
   * Stores the records of a Parquet facet shard (columns key, value JSON) written by a distributed
   * worker, replacing earlier values of the same keys, atomically; returns how many rows it held.
   */
  mergeFacetShard(facetRun: string, parquetFile: string, runId: string): Promise<number>;
  /** Which of `keys` hold a record of `facetRun`. */
  facetKeys(facetRun: string, keys: readonly string[]): Promise<Set<string>>;
  /** Streams every conversation that has a record of `facetRun`, with its facets. */
  readAnalysisRows(facetRun: string): AsyncIterable<AnalysisRow>;
  participantActivity(): Promise<ParticipantActivity[]>;
  /** The user's (redacted) words of each conversation, joined, at most `maxChars` each: topic input. */
  userTexts(keys: readonly string[], maxChars?: number): Promise<Map<string, string>>;
  /** Streams stored conversations (with messages) in the order they were stored, holding one conversation at a time. */
  readConversations(): AsyncIterable<Conversation>;
  /**
   * Streams every stored conversation in stored order (as readConversations), each either with its
   * record of `facetRun` or, when it has none yet, with its messages to classify.
   */
  readFacetWork(facetRun: string): AsyncIterable<FacetWorkItem>;
  counts(): Promise<StoreCounts>;
  close(): Promise<void>;
}
