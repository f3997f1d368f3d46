/**
 * `affectlens import`: the ingest stage written into the Store in atomic batches.
 * Resume: files already imported completely (same path, size, mtime) are passed over; a file cut
 * off mid-way is read again, and conversations already stored are recognised by key and content
 * hash, so nothing is lost or counted twice.
 */
import { createHash } from 'node:crypto';
import type { ImportIssue } from './ingest/importer.ts';
import { type IngestOptions, type IngestSummary, IngestTally, ingest } from './ingest/ingest.ts';
import type { SourceFile } from './ingest/source-files.ts';
import type { Conversation } from './model.ts';
import type { SaveResult, Store } from './store/store.ts';

export interface ImportIntoStoreOptions extends Omit<IngestOptions, 'skipFile'> {
  store: Store;
  runId: string;
  /** Read every file again even when it was imported completely before. */
  force?: boolean;
  /** Conversations per transaction (a batch is also cut at `batchBytes` of text). */
  batchSize?: number;
  batchBytes?: number;
  onProgress?: (progress: ImportProgress) => void;
  /**
   * Called with each batch once it is stored (analyze classifies it then, while the import reads
   * on). Awaited: a slow consumer slows the import down instead of piling conversations up.
   */
  onSaved?: (conversations: readonly Conversation[]) => Promise<void>;
}

export interface ImportProgress {
  file: string;
  fileIndex: number;
  files: number;
  bytesRead: number;
  fileBytes: number;
  conversations: number;
  skipped: number;
}

export interface ImportSummary extends IngestSummary {
  inserted: number;
  updated: number;
  unchanged: number;
}

export function fileFingerprint(file: SourceFile): string {
  return createHash('sha256')
    .update(`${file.displayPath}\0${file.size}\0${Math.round(file.modifiedMs)}`)
    .digest('hex');
}

export async function importIntoStore(paths: readonly string[], options: ImportIntoStoreOptions): Promise<ImportSummary> {
  const { store, runId } = options;
  const batchSize = options.batchSize ?? 500;
  // Bounded by text size too, so a batch of very long conversations does not hold hundreds of MB.
  const batchBytes = options.batchBytes ?? 8 * 1024 * 1024;
  let batchTextBytes = 0;
  const tally = new IngestTally();
  const saved: SaveResult = { inserted: 0, updated: 0, unchanged: 0 };
  let batch: Conversation[] = [];
  let issues: ImportIssue[] = [];
  const progress: ImportProgress = { file: '', fileIndex: 0, files: 0, bytesRead: 0, fileBytes: 0, conversations: 0, skipped: 0 };

  // One batch is saved (and handed to onSaved) while the next is read: DuckDB commits on its own
  // threads, so reading on meanwhile keeps this thread busy instead of waiting. Saves stay in order,
  // one at a time; `settle` waits for the one in flight (before a file is marked done, and at the end).
  let inFlight: Promise<void> = Promise.resolve();
  const settle = () => inFlight;
  const flush = async () => {
    const stored = batch;
    const storedIssues = issues;
    batch = [];
    batchTextBytes = 0;
    issues = [];
    await inFlight;
    inFlight = (async () => {
      const result = await store.saveConversations(stored, runId);
      saved.inserted += result.inserted;
      saved.updated += result.updated;
      saved.unchanged += result.unchanged;
      await store.saveIssues(storedIssues, runId);
      if (stored.length > 0) await options.onSaved?.(stored);
    })();
    inFlight.catch(() => {}); // rethrown by the next await of it
  };

  const events = ingest(paths, {
    ...options,
    skipFile: options.force ? undefined : (file) => store.isFileImported(fileFingerprint(file)),
    onBytes: (_file, bytes) => {
      progress.bytesRead = bytes;
      options.onProgress?.(progress);
      options.onBytes?.(_file, bytes);
    },
  });
  for await (const event of events) {
    tally.add(event);
    switch (event.kind) {
      case 'files':
        progress.files = event.files.length;
        break;
      case 'file-start':
      case 'file-skipped':
        progress.fileIndex += 1;
        progress.file = event.file.displayPath;
        progress.fileBytes = event.file.size;
        progress.bytesRead = event.kind === 'file-skipped' ? event.file.size : 0;
        options.onProgress?.(progress);
        break;
      case 'conversation':
        batch.push(event.conversation);
        progress.conversations += 1;
        for (const message of event.conversation.messages) batchTextBytes += message.text.length;
        if (batch.length >= batchSize || batchTextBytes >= batchBytes) await flush();
        break;
      case 'issue':
        issues.push(event.issue);
        if (event.issue.severity === 'skipped') progress.skipped += 1;
        if (issues.length >= batchSize) await flush();
        break;
      case 'file-end':
        // Only after the file's last batch is committed is the file marked complete.
        await flush();
        await settle();
        await store.markFileImported(
          {
            fingerprint: fileFingerprint(event.file),
            path: event.file.displayPath,
            size: event.file.size,
            modifiedMs: event.file.modifiedMs,
            format: event.format,
            conversations: event.conversations,
            skipped: event.skipped,
          },
          runId,
        );
        break;
    }
  }
  await flush();
  await settle();
  return { ...tally.summary, ...saved };
}
