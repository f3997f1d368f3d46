/**
 * CSV / TSV with one row per message: conversation id, role, text, and optionally timestamp and
 * participant (column names in columns.ts, overridable with options.csvColumns).
 *
 * Grouping rule, chosen to keep memory bounded: a conversation is the run of consecutive rows
 * with the same id, emitted as soon as the id changes. Only one conversation's rows are held,
 * plus the set of ids already emitted. An id that comes back after other conversations is not
 * merged (that would need the whole file in memory): its new run is imported as `<id>#2`
 * (`#3` …) with a 'duplicate' warning, so no row is lost and the split is visible.
 */
import type { ImportedConversation, ImportedMessage } from '../../model.ts';
import { type Importer, type ImportIssue, type ImportOptions, type ImportRecord, issue } from '../importer.ts';
import { normalizeRole, toIsoTimestamp } from '../normalize.ts';
import { readHead, type SourceFile } from '../source-files.ts';
import { type ColumnIndexes, headerNames, missingColumnsReason, resolveColumns, sniffDelimiter } from './columns.ts';
import { type CsvRow, readCsvRows } from './csv-rows.ts';

interface OpenConversation {
  sourceId: string;
  id: string;
  part: number;
  line: number;
  rows: number;
  messages: ImportedMessage[];
  warnings: ImportIssue[];
  bytes: number;
  tooLarge: boolean;
  participantId?: string;
}

/** Groups rows into conversations; `row` and `finish` return the records ready to yield. */
class CsvConversationGrouper {
  private open: OpenConversation | undefined;
  private readonly parts = new Map<string, number>();

  constructor(
    private readonly file: SourceFile,
    private readonly options: ImportOptions,
    private readonly columns: ColumnIndexes,
  ) {}

  row(row: CsvRow): ImportRecord[] {
    const out: ImportRecord[] = [];
    const field = (index: number | undefined) => (index === undefined ? undefined : row.fields[index]);
    const position = { line: row.line };
    const where = `CSV record ${row.record} (line ${row.line})`;
    const sourceId = field(this.columns.conversationId)?.trim();
    if (!sourceId) {
      out.push(this.skippedRecord('wrong-shape', `${where} has no conversation id`, position));
      return out;
    }
    if (this.open !== undefined && this.open.sourceId !== sourceId) out.push(...this.finish());
    const open = this.open ?? this.start(sourceId, row);
    open.rows += 1;
    const text = field(this.columns.text)?.replace(/\r\n/g, '\n'); // quoted CRLF line breaks, as in text files
    if (text === undefined || text.trim() === '') {
      out.push(this.skippedRecord('wrong-shape', `${where} has no text`, position, open.id));
      return out;
    }
    if (open.tooLarge) return out;
    open.bytes += Buffer.byteLength(text);
    if (open.bytes > this.options.maxRecordBytes) {
      open.tooLarge = true;
      open.messages = []; // free the memory; the rest of this conversation is only counted
      return out;
    }
    const rawRole = field(this.columns.role)?.trim() ?? '';
    let role = normalizeRole(rawRole);
    const meta: Record<string, unknown> = {};
    if (role === undefined) {
      const shown = rawRole.length > 40 ? `${rawRole.slice(0, 40)}…` : rawRole;
      open.warnings.push(
        issue(this.file, 'unknown-role', 'warning', `${where} has unknown role "${shown}", kept as system`, position, open.id),
      );
      meta.sourceRole = rawRole;
      role = 'system';
    }
    const participant = field(this.columns.participant)?.trim();
    if (role === 'user' && participant && open.participantId === undefined) open.participantId = participant;
    const createdAt = toIsoTimestamp(field(this.columns.timestamp));
    open.messages.push({
      role,
      text,
      ...(createdAt === undefined ? {} : { createdAt }),
      ...(Object.keys(meta).length === 0 ? {} : { meta }),
    });
    return out;
  }

  /** Emits the open conversation; `note` is a warning to attach (e.g. the file broke after it). */
  finish(note?: string): ImportRecord[] {
    const open = this.open;
    if (open === undefined) return [];
    this.open = undefined;
    const position = { line: open.line };
    if (open.tooLarge) {
      return [
        this.skippedRecord(
          'element-too-large',
          `conversation exceeds the limit of ${this.options.maxRecordBytes} bytes`,
          position,
          open.id,
        ),
      ];
    }
    if (open.messages.length === 0)
      return [this.skippedRecord('empty-conversation', 'no row of this conversation has text', position, open.id)];
    if (note !== undefined) open.warnings.push(issue(this.file, 'truncated', 'warning', note, position, open.id));
    const conversation: ImportedConversation = {
      id: open.id,
      messages: open.messages,
      meta: {
        container: 'csv',
        rows: open.rows,
        ...(open.part > 1 ? { sourceConversationId: open.sourceId, part: open.part } : {}),
      },
    };
    const createdAt = open.messages[0]?.createdAt;
    if (createdAt !== undefined) conversation.createdAt = createdAt;
    if (open.participantId !== undefined) conversation.participantId = open.participantId;
    return [{ kind: 'conversation', conversation, position, warnings: open.warnings }];
  }

  private start(sourceId: string, row: CsvRow): OpenConversation {
    const part = (this.parts.get(sourceId) ?? 0) + 1;
    this.parts.set(sourceId, part);
    const id = part === 1 ? sourceId : `${sourceId}#${part}`;
    const open: OpenConversation = {
      sourceId,
      id,
      part,
      line: row.line,
      rows: 0,
      messages: [],
      warnings: [],
      bytes: 0,
      tooLarge: false,
    };
    if (part > 1) {
      const reason = `conversation id reappears at CSV record ${row.record} after other conversations; imported as "${id}" (sort the file by conversation id to keep it whole)`;
      open.warnings.push(issue(this.file, 'duplicate', 'warning', reason, { line: row.line }, id));
    }
    this.open = open;
    return open;
  }

  private skippedRecord(
    code: ImportIssue['code'],
    reason: string,
    position: { line: number },
    conversationId?: string,
  ): ImportRecord {
    return { kind: 'issue', issue: issue(this.file, code, 'skipped', reason, position, conversationId) };
  }
}

async function* readCsvConversations(file: SourceFile, options: ImportOptions): AsyncGenerator<ImportRecord> {
  const delimiter = sniffDelimiter(file.name, new TextDecoder('utf-8').decode(await readHead(file)));
  let grouper: CsvConversationGrouper | undefined;
  for await (const item of readCsvRows(await file.open(), delimiter, options.maxRecordBytes)) {
    if (item.kind === 'error') {
      yield* grouper?.finish('the CSV breaks after this conversation, so its last rows may be missing') ?? [];
      const reason = `${item.reason}; the rest of the file was not imported`;
      yield { kind: 'issue', issue: issue(file, 'truncated', 'skipped', reason, { line: item.line }) };
      return;
    }
    if (grouper !== undefined) {
      yield* grouper.row(item.row);
      continue;
    }
    const { indexes, missing } = resolveColumns(item.row.fields, options.csvColumns);
    if (missing.length > 0) {
      yield {
        kind: 'issue',
        issue: issue(file, 'wrong-shape', 'skipped', missingColumnsReason(item.row.fields, missing), { line: 1 }),
      };
      return;
    }
    grouper = new CsvConversationGrouper(file, options, indexes);
  }
  if (grouper === undefined)
    yield { kind: 'issue', issue: issue(file, 'wrong-shape', 'skipped', 'the CSV file has no header row') };
  else yield* grouper.finish();
}

export const csvImporter: Importer = {
  id: 'csv',
  description: 'CSV / TSV with one row per message (conversation_id, role, text[, timestamp, participant])',
  participantScope: 'conversation',
  detect({ name, head }) {
    const first = head
      .replace(/^\uFEFF/, '')
      .trimStart()
      .charAt(0);
    if (first === '{' || first === '[') return 0;
    const { missing } = resolveColumns(headerNames(head, sniffDelimiter(name, head)));
    // A CSV of another shape scores 0: ingest then says "use --format", and `--format csv` gives the
    // 'wrong-shape' issue naming the columns found and how to map them with --csv-columns.
    if (missing.length > 0) return 0;
    return /\.(csv|tsv)$/i.test(name) ? 0.9 : 0.6;
  },
  read: readCsvConversations,
};
