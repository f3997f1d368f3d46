/** Test helpers: in-memory source files and collecting an importer's records. */
import { Readable } from 'node:stream';
import {
  DEFAULT_IMPORT_OPTIONS,
  type Importer,
  type ImportIssue,
  type ImportOptions,
  type ImportRecord,
} from '../ingest/importer.ts';
import type { SourceFile } from '../ingest/source-files.ts';
import type { ImportedConversation } from '../model.ts';

/** A SourceFile over bytes in memory, served in small chunks so chunk boundaries get exercised. */
export function memoryFile(name: string, content: string | Buffer, chunkSize = 4096): SourceFile {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  return {
    displayPath: name,
    name: name.split('/').pop() ?? name,
    size: bytes.length,
    modifiedMs: 0,
    open: async () =>
      Readable.from(
        (function* () {
          for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
        })(),
      ),
  };
}

export interface Collected {
  conversations: ImportedConversation[];
  issues: ImportIssue[];
  records: ImportRecord[];
}

export async function collect(importer: Importer, file: SourceFile, options: Partial<ImportOptions> = {}): Promise<Collected> {
  const collected: Collected = { conversations: [], issues: [], records: [] };
  for await (const record of importer.read(file, { ...DEFAULT_IMPORT_OPTIONS, ...options })) {
    collected.records.push(record);
    if (record.kind === 'conversation') {
      collected.conversations.push(record.conversation);
      collected.issues.push(...(record.warnings ?? []));
    } else collected.issues.push(record.issue);
  }
  return collected;
}
