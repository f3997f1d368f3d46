/**
 * The embedded store: one DuckDB file (default ./affectlens.duckdb). Batches are written through
 * the Appender inside one transaction each, so a killed import leaves whole conversations or
 * none; re-reading the same export finds every key already present with the same content hash
 * and writes nothing (idempotent re-import and resume).
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type DuckDBConnection, DuckDBInstance, type DuckDBResult, DuckDBTimestampValue, listValue } from '@duckdb/node-api';
import { AffectlensError } from '../../errors.ts';
import type { ImportIssue } from '../../ingest/importer.ts';
import type { Conversation, Message, SourceFormat } from '../../model.ts';
import type {
  AnalysisRow,
  FacetWorkItem,
  ImportedFileRecord,
  ParticipantActivity,
  RunRecord,
  SaveResult,
  Store,
  StoreCounts,
} from '../store.ts';
import { SCHEMA_SQL, SCHEMA_VERSION } from './schema.ts';

function timestamp(iso: string | undefined): DuckDBTimestampValue | undefined {
  if (iso === undefined) return undefined;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? new DuckDBTimestampValue(BigInt(ms) * 1000n) : undefined;
}

/** Identifies a conversation's content, so a re-import can tell "same" from "changed". */
export function contentHash(conversation: Conversation): string {
  const hash = createHash('sha256');
  hash.update(conversation.title ?? '').update('\0');
  for (const message of conversation.messages) hash.update(message.role).update('\0').update(message.text).update('\0');
  return hash.digest('hex');
}

export class DuckDbStore implements Store {
  private constructor(
    readonly location: string,
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    /**
     * Streams read through their own connection: a statement run on a connection ends any result
     * still streaming on it, so writing facets while reading conversations would cut the read short.
     */
    private readonly streamConnection: DuckDBConnection,
  ) {}

  /** Opens (creating if needed) a store file; ':memory:' for tests. */
  static async open(location: string, options: { readOnly?: boolean; memoryLimit?: string } = {}): Promise<DuckDbStore> {
    let instance: DuckDBInstance;
    if (location !== ':memory:' && !options.readOnly) mkdirSync(path.dirname(path.resolve(location)), { recursive: true });
    try {
      instance = await DuckDBInstance.create(location, {
        ...(options.readOnly ? { access_mode: 'READ_ONLY' } : {}),
        // DuckDB's buffer pool defaults to 80% of RAM; bounded here so an import's memory stays flat
        // (larger sorts spill to <db>.tmp).
        memory_limit: options.memoryLimit ?? '128MB',
        // One DuckDB thread: the streaming reads must come back in insertion order, and a parallel
        // scan keeps chunks that arrive early pinned until their turn — with a slow consumer (the
        // classifiers) that pinned more than the memory limit on a 1 GB store. Writes and these
        // scans gain little from more threads here; the cores go to the facet workers.
        threads: '1',
        autoinstall_known_extensions: 'false',
        autoload_known_extensions: 'false',
      });
    } catch (error) {
      throw new AffectlensError('store-open', `cannot open store ${location}: ${(error as Error).message}`, {
        hint: 'another affectlens process may be writing to it; DuckDB allows one writer per file',
        cause: error,
      });
    }
    const connection = await instance.connect();
    const store = new DuckDbStore(location, instance, connection, await instance.connect());
    if (!options.readOnly) await store.migrate();
    return store;
  }

  private async migrate(): Promise<void> {
    await this.connection.run(SCHEMA_SQL);
    const version = await this.scalar<string>(`SELECT value FROM settings WHERE name = 'schema_version'`);
    if (version === undefined) {
      await this.connection.run(`INSERT INTO settings VALUES ('schema_version', $1)`, [String(SCHEMA_VERSION)]);
    } else if (Number(version) > SCHEMA_VERSION) {
      throw new AffectlensError('store-version', `store ${this.location} was written by a newer affectlens (schema ${version})`);
    }
  }

  private async scalar<T>(sql: string, values: (string | number)[] = []): Promise<T | undefined> {
    const reader = await this.connection.runAndReadAll(sql, values);
    const row = reader.getRows()[0];
    return row === undefined ? undefined : (row[0] as T);
  }

  async beginRun(command: string): Promise<string> {
    const runId = `${new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)}-${randomUUID().slice(0, 8)}`;
    await this.connection.run(`INSERT INTO runs VALUES ($1, $2, now()::TIMESTAMP, NULL, 'running', NULL)`, [runId, command]);
    return runId;
  }

  async finishRun(runId: string, status: RunRecord['status'], summary: unknown): Promise<void> {
    await this.connection.run(`UPDATE runs SET finished_at = now()::TIMESTAMP, status = $2, summary = $3 WHERE run_id = $1`, [
      runId,
      status,
      JSON.stringify(summary),
    ]);
  }

  async runs(): Promise<RunRecord[]> {
    const reader = await this.connection.runAndReadAll(
      `SELECT run_id, command, started_at::VARCHAR, finished_at::VARCHAR, status, summary FROM runs ORDER BY started_at`,
    );
    return reader.getRows().map((row) => ({
      runId: row[0] as string,
      command: row[1] as string,
      startedAt: row[2] as string,
      ...(row[3] === null ? {} : { finishedAt: row[3] as string }),
      status: row[4] as RunRecord['status'],
      ...(row[5] === null ? {} : { summary: JSON.parse(row[5] as string) }),
    }));
  }

  async saveConversations(conversations: readonly Conversation[], runId: string): Promise<SaveResult> {
    const result: SaveResult = { inserted: 0, updated: 0, unchanged: 0 };
    if (conversations.length === 0) return result;
    const hashes = conversations.map(contentHash);
    const existing = new Map<string, string>();
    const reader = await this.connection.runAndReadAll(
      `SELECT key, content_hash FROM conversations WHERE key IN (SELECT unnest($1::VARCHAR[]))`,
      [listValue(conversations.map((conversation) => conversation.key))],
    );
    for (const row of reader.getRows()) existing.set(row[0] as string, row[1] as string);

    const toWrite: number[] = [];
    const replaced: string[] = [];
    conversations.forEach((conversation, i) => {
      const previous = existing.get(conversation.key);
      if (previous === undefined) {
        result.inserted += 1;
        toWrite.push(i);
      } else if (previous !== hashes[i]) {
        result.updated += 1;
        replaced.push(conversation.key);
        toWrite.push(i);
      } else result.unchanged += 1;
    });
    if (toWrite.length === 0) return result;

    await this.connection.run('BEGIN TRANSACTION');
    try {
      if (replaced.length > 0) {
        const keys = [listValue(replaced)];
        await this.connection.run(`DELETE FROM messages WHERE conversation_key IN (SELECT unnest($1::VARCHAR[]))`, keys);
        await this.connection.run(`DELETE FROM facets WHERE conversation_key IN (SELECT unnest($1::VARCHAR[]))`, keys);
        await this.connection.run(`DELETE FROM conversations WHERE key IN (SELECT unnest($1::VARCHAR[]))`, keys);
      }
      const conversationAppender = await this.connection.createAppender('conversations');
      const messageAppender = await this.connection.createAppender('messages');
      for (const i of toWrite) {
        const conversation = conversations[i] as Conversation;
        appendConversation(conversationAppender, conversation, hashes[i] as string, runId);
        for (const message of conversation.messages) appendMessage(messageAppender, conversation.key, message);
      }
      conversationAppender.closeSync();
      messageAppender.closeSync();
      await this.connection.run('COMMIT');
    } catch (error) {
      await this.connection.run('ROLLBACK').catch(() => undefined);
      throw error;
    }
    return result;
  }

  async isFileImported(fingerprint: string): Promise<boolean> {
    return (await this.scalar(`SELECT 1 FROM import_files WHERE fingerprint = $1`, [fingerprint])) !== undefined;
  }

  async markFileImported(record: ImportedFileRecord, runId: string): Promise<void> {
    await this.connection.run(`INSERT OR REPLACE INTO import_files VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now()::TIMESTAMP)`, [
      record.fingerprint,
      record.path,
      record.size,
      record.modifiedMs,
      record.format ?? null,
      record.conversations,
      record.skipped,
      runId,
    ] as (string | number | null)[]);
  }

  async saveIssues(issues: readonly ImportIssue[], runId: string): Promise<void> {
    if (issues.length === 0) return;
    const appender = await this.connection.createAppender('quarantine');
    for (const issue of issues) {
      appender.appendVarchar(runId);
      appender.appendVarchar(issue.file);
      appendNullable(appender, issue.position.byteOffset, (v) => appender.appendBigInt(BigInt(v)));
      appendNullable(appender, issue.position.endOffset, (v) => appender.appendBigInt(BigInt(v)));
      appendNullable(appender, issue.position.line, (v) => appender.appendInteger(v));
      appendNullable(appender, issue.conversationId, (v) => appender.appendVarchar(v));
      appender.appendVarchar(issue.code);
      appender.appendVarchar(issue.severity);
      appender.appendVarchar(issue.reason);
      appender.endRow();
    }
    appender.closeSync();
  }

  async issues(runId?: string): Promise<ImportIssue[]> {
    const reader = await this.connection.runAndReadAll(
      `SELECT file, byte_offset, end_offset, line, conversation_id, code, severity, reason FROM quarantine
       WHERE $1 IS NULL OR run_id = $1 ORDER BY file, byte_offset, line`,
      [runId ?? null] as (string | null)[],
    );
    return reader.getRows().map((row) => ({
      file: row[0] as string,
      position: {
        ...(row[1] === null ? {} : { byteOffset: Number(row[1]) }),
        ...(row[2] === null ? {} : { endOffset: Number(row[2]) }),
        ...(row[3] === null ? {} : { line: Number(row[3]) }),
      },
      ...(row[4] === null ? {} : { conversationId: row[4] as string }),
      code: row[5] as ImportIssue['code'],
      severity: row[6] as ImportIssue['severity'],
      reason: row[7] as string,
    }));
  }

  async saveFacetRecords(facetRun: string, records: readonly { key: string; value: unknown }[], runId: string): Promise<void> {
    if (records.length === 0) return;
    await this.connection.run('BEGIN TRANSACTION');
    try {
      await this.connection.run(
        `DELETE FROM facets WHERE facet_run = $1 AND conversation_key IN (SELECT unnest($2::VARCHAR[]))`,
        [facetRun, listValue(records.map((record) => record.key))],
      );
      const appender = await this.connection.createAppender('facets');
      for (const record of records) {
        appender.appendVarchar(record.key);
        appender.appendVarchar(facetRun);
        appender.appendVarchar(JSON.stringify(record.value));
        appender.appendVarchar(runId);
        appender.endRow();
      }
      appender.closeSync();
      await this.connection.run('COMMIT');
    } catch (error) {
      await this.connection.run('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  async mergeFacetShard(facetRun: string, parquetFile: string, runId: string): Promise<number> {
    const source = `read_parquet('${parquetFile.replace(/'/g, "''")}')`;
    await this.connection.run('BEGIN TRANSACTION');
    try {
      await this.connection.run(`DELETE FROM facets WHERE facet_run = $1 AND conversation_key IN (SELECT key FROM ${source})`, [
        facetRun,
      ]);
      const inserted = await this.connection.run(
        `INSERT INTO facets SELECT key, $1, value::JSON, $2 FROM ${source}
         WHERE key IN (SELECT key FROM conversations)`,
        [facetRun, runId],
      );
      await this.connection.run('COMMIT');
      return Number(inserted.rowsChanged);
    } catch (error) {
      await this.connection.run('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  async facetKeys(facetRun: string, keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const reader = await this.connection.runAndReadAll(
      `SELECT conversation_key FROM facets WHERE facet_run = $1 AND conversation_key IN (SELECT unnest($2::VARCHAR[]))`,
      [facetRun, listValue([...keys])],
    );
    return new Set(reader.getRows().map((row) => row[0] as string));
  }

  async *readAnalysisRows(facetRun: string): AsyncIterable<AnalysisRow> {
    const sorted = await this.sortedScratch(
      this.streamConnection,
      `SELECT c.key, c.participant, c.source, strftime(c.created_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS created, f.value
       FROM conversations c JOIN facets f ON f.conversation_key = c.key AND f.facet_run = $1`,
      'key',
      [facetRun],
    );
    const rows = new RowCursor(this.streamConnection, await this.streamConnection.stream(`SELECT * FROM ${sorted}`));
    try {
      for (let row = await rows.next(); row; row = await rows.next()) {
        yield {
          key: row[0] as string,
          participant: row[1] as string,
          source: row[2] as SourceFormat,
          createdAt: (row[3] as string | null) ?? null,
          facets: JSON.parse(row[4] as string),
        };
      }
    } finally {
      await rows.finish();
      await this.streamConnection.run(`DROP TABLE IF EXISTS ${sorted}`);
    }
  }

  /**
   * Writes `select` into a scratch table sorted by `orderBy` and returns its name (the caller drops
   * it). In two steps — the join, then the sort — each within DuckDB's memory limit: one query that
   * joins and sorts, or a streamed sorted result (DuckDB keeps its blocks pinned), ran out of memory
   * on a 1 GB store. A plain scan of the table then streams in order, in bounded memory.
   */
  private async sortedScratch(
    connection: DuckDBConnection,
    select: string,
    orderBy: string,
    values: (string | number)[],
  ): Promise<string> {
    // Temporary (works on a read-only store too), so visible to `connection` only: read it there.
    const name = `scratch_${randomUUID().replace(/-/g, '')}`;
    await connection.run(`CREATE TEMP TABLE ${name}_unsorted AS ${select}`, values);
    try {
      await connection.run(`CREATE TEMP TABLE ${name} AS SELECT * FROM ${name}_unsorted ORDER BY ${orderBy}`);
    } finally {
      await connection.run(`DROP TABLE IF EXISTS ${name}_unsorted`);
    }
    return name;
  }

  async participantActivity(): Promise<ParticipantActivity[]> {
    // Sessions: a user message more than 30 minutes after the previous one starts a new session.
    const reader = await this.connection.runAndReadAll(
      `WITH totals AS (
         SELECT participant, count(*) AS conversations, sum(user_message_count) AS user_messages
         FROM conversations GROUP BY participant
       ), stamped AS (
         SELECT c.participant, m.created_at AS t,
                lag(m.created_at) OVER (PARTITION BY c.participant ORDER BY m.created_at) AS previous
         FROM messages m JOIN conversations c ON c.key = m.conversation_key
         WHERE m.role = 'user' AND m.created_at IS NOT NULL
       ), timing AS (
         SELECT participant,
                count(DISTINCT CAST(t AS DATE)) AS active_days,
                count(*) FILTER (WHERE previous IS NULL OR t - previous > INTERVAL 30 MINUTE) AS sessions,
                greatest(1, date_diff('day', min(t), max(t))) AS span_days,
                avg(CASE WHEN hour(t) < 6 THEN 1.0 ELSE 0.0 END) AS night_share
         FROM stamped GROUP BY participant
       )
       SELECT totals.participant, totals.conversations, totals.user_messages,
              timing.active_days, timing.sessions, timing.span_days, timing.night_share
       FROM totals LEFT JOIN timing USING (participant) ORDER BY totals.participant`,
    );
    const orNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));
    return reader.getRows().map((row) => ({
      participant: row[0] as string,
      conversations: Number(row[1]),
      userMessages: Number(row[2]),
      activeDays: orNull(row[3]),
      sessions: orNull(row[4]),
      spanDays: orNull(row[5]),
      nightShare: orNull(row[6]),
    }));
  }

  async userTexts(keys: readonly string[], maxChars = 4000): Promise<Map<string, string>> {
    const texts = new Map<string, string>();
    // Each message cut to the budget before joining, and a few hundred conversations per query:
    // the aggregate holds its groups' text in memory, which overran the store's limit with 5,000.
    for (let start = 0; start < keys.length; start += 250) {
      const reader = await this.connection.runAndReadAll(
        `SELECT conversation_key, left(string_agg(left(text, $2), '\n' ORDER BY message_index), $2)
         FROM messages WHERE role = 'user' AND conversation_key IN (SELECT unnest($1::VARCHAR[]))
         GROUP BY conversation_key`,
        [listValue(keys.slice(start, start + 250)), maxChars],
      );
      for (const row of reader.getRows()) texts.set(row[0] as string, row[1] as string);
    }
    return texts;
  }

  async *readConversations(): AsyncIterable<Conversation> {
    for await (const item of this.conversationStream(null)) if (item.conversation) yield item.conversation;
  }

  async *readFacetWork(facetRun: string): AsyncIterable<FacetWorkItem> {
    yield* this.conversationStream(facetRun);
  }

  /**
   * Conversations in stored order (the order they were imported), as three streams zipped: the
   * conversations by a plain scan (rowid order), their records of `facetRun` sorted by rowid into a
   * scratch table, and every message in physical order. Both tables are appended together,
   * conversation by conversation, and rows are never moved, so each conversation's messages follow
   * one another in the same order: one pass over the text, however large the store. (A join sorted
   * in one query — or a query per key range — ran out of memory, or rescanned the text every page.)
   */
  private async *conversationStream(facetRun: string | null): AsyncIterable<FacetWorkItem> {
    const connections = [await this.instance.connect(), await this.instance.connect()] as const;
    const records = await this.sortedScratch(
      connections[0],
      `SELECT c.rowid AS position, f.value FROM conversations c
       JOIN facets f ON f.conversation_key = c.key AND f.facet_run = $1`,
      'position',
      [facetRun ?? ''],
    );
    // Every conversation classified already (analyze's last pass): no message text to read.
    const counted = await connections[0].runAndReadAll(
      `SELECT (SELECT count(*) FROM conversations) - (SELECT count(*) FROM ${records})`,
    );
    const unclassified = Number(counted.getRows()[0]?.[0] ?? 1);
    const heads = new RowCursor(
      this.streamConnection,
      await this.streamConnection.stream(
        `SELECT rowid, key, id, source, participant, title, strftime(created_at, '%Y-%m-%dT%H:%M:%S.%gZ'),
           origin_file, origin_offset, origin_line, meta, message_count
         FROM conversations`,
      ),
    );
    const stored = new RowCursor(connections[0], await connections[0].stream(`SELECT position, value FROM ${records}`));
    const messages =
      unclassified === 0
        ? undefined
        : new RowCursor(
            connections[1],
            await connections[1].stream(
              `SELECT conversation_key, message_index, role, text, strftime(created_at, '%Y-%m-%dT%H:%M:%S.%gZ'), model, meta
               FROM messages`,
            ),
          );
    try {
      let record = await stored.next();
      for (let head = await heads.next(); head; head = await heads.next()) {
        const key = head[1] as string;
        const count = messages ? Number(head[11]) : 0;
        const messageRows: unknown[][] = [];
        for (let i = 0; i < count; i += 1) {
          const row = await messages?.next();
          if (row?.[0] !== key) {
            throw new AffectlensError(
              'store-order',
              `store ${this.location}: the messages of conversation ${key} are not where the conversation is (found ${row ? 'another conversation' : 'the end'})`,
              { hint: 'the store was written by another tool; export it and import again' },
            );
          }
          messageRows.push(row);
        }
        if (record && record[0] === head[0]) {
          yield { key, stored: JSON.parse(record[1] as string) };
          record = await stored.next();
        } else yield { key, conversation: conversationFrom(head.slice(1), messageRows) };
      }
    } finally {
      // Every stream is ended, also when the caller stopped early (see RowCursor.finish).
      await heads.finish();
      await stored.finish();
      await messages?.finish();
      await connections[0].run(`DROP TABLE IF EXISTS ${records}`);
      for (const connection of connections) connection.closeSync();
    }
  }

  async counts(): Promise<StoreCounts> {
    const totals = await this.connection.runAndReadAll(
      `SELECT count(*), coalesce(sum(message_count), 0), coalesce(sum(user_message_count), 0), count(DISTINCT participant)
       FROM conversations`,
    );
    const [conversations, messages, userMessages, participants] = (totals.getRows()[0] ?? []).map(Number);
    const bySource: Partial<Record<SourceFormat, number>> = {};
    const sources = await this.connection.runAndReadAll(
      `SELECT source, count(*) FROM conversations GROUP BY source ORDER BY source`,
    );
    for (const row of sources.getRows()) bySource[row[0] as SourceFormat] = Number(row[1]);
    return {
      conversations: conversations ?? 0,
      messages: messages ?? 0,
      userMessages: userMessages ?? 0,
      participants: participants ?? 0,
      bySource,
    };
  }

  async close(): Promise<void> {
    this.streamConnection.closeSync();
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

/** Rows of a streamed result one at a time. */
class RowCursor {
  private rows: unknown[][] = [];
  private at = 0;
  constructor(
    private readonly connection: DuckDBConnection,
    private readonly result: DuckDBResult,
  ) {}

  async next(): Promise<unknown[] | undefined> {
    while (this.at >= this.rows.length) {
      const chunk = await this.result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) return undefined;
      this.rows = chunk.getRows();
      this.at = 0;
    }
    return this.rows[this.at++];
  }

  /**
   * Reads the stream to its end, interrupting its query first so the rest is not computed: a
   * result not read to its end keeps the database open (and its file locked) after close().
   */
  async finish(): Promise<void> {
    try {
      this.connection.interrupt();
      for (;;) {
        const chunk = await this.result.fetchChunk();
        if (!chunk || chunk.rowCount === 0) return;
      }
    } catch {
      // interrupted: the result is finished either way
    }
  }
}

/** A conversation from its row (the head query of conversationStream) and its message rows. */
function conversationFrom(head: readonly unknown[], messageRows: readonly (readonly unknown[])[]): Conversation {
  return {
    id: head[1] as string,
    key: head[0] as string,
    source: head[2] as SourceFormat,
    participant: head[3] as string,
    ...(head[4] === null ? {} : { title: head[4] as string }),
    ...(head[5] === null ? {} : { createdAt: head[5] as string }),
    messages: messageRows.map(
      (row): Message => ({
        index: Number(row[1]),
        role: row[2] as Message['role'],
        text: row[3] as string,
        ...(row[4] === null ? {} : { createdAt: row[4] as string }),
        ...(row[5] === null ? {} : { model: row[5] as string }),
        ...(row[6] === null ? {} : { meta: JSON.parse(row[6] as string) }),
      }),
    ),
    origin: {
      file: head[6] as string,
      ...(head[7] === null ? {} : { byteOffset: Number(head[7]) }),
      ...(head[8] === null ? {} : { line: Number(head[8]) }),
    },
    meta: head[9] === null ? {} : JSON.parse(head[9] as string),
  };
}

type Appender = Awaited<ReturnType<DuckDBConnection['createAppender']>>;

function appendNullable<T>(appender: Appender, value: T | undefined, append: (value: T) => void): void {
  if (value === undefined || value === null) appender.appendNull();
  else append(value);
}

function appendConversation(appender: Appender, conversation: Conversation, hash: string, runId: string): void {
  appender.appendVarchar(conversation.key);
  appender.appendVarchar(conversation.id);
  appender.appendVarchar(conversation.source);
  appender.appendVarchar(conversation.participant);
  appendNullable(appender, conversation.title, (v) => appender.appendVarchar(v));
  appendNullable(appender, timestamp(conversation.createdAt), (v) => appender.appendTimestamp(v));
  appender.appendInteger(conversation.messages.length);
  appender.appendInteger(conversation.messages.filter((message) => message.role === 'user').length);
  appender.appendVarchar(hash);
  appender.appendVarchar(conversation.origin.file);
  appendNullable(appender, conversation.origin.byteOffset, (v) => appender.appendBigInt(BigInt(v)));
  appendNullable(appender, conversation.origin.line, (v) => appender.appendInteger(v));
  appender.appendVarchar(JSON.stringify(conversation.meta));
  appender.appendVarchar(runId);
  appender.endRow();
}

function appendMessage(appender: Appender, key: string, message: Message): void {
  appender.appendVarchar(key);
  appender.appendInteger(message.index);
  appender.appendVarchar(message.role);
  appender.appendVarchar(message.text);
  appendNullable(appender, timestamp(message.createdAt), (v) => appender.appendTimestamp(v));
  appendNullable(appender, message.model, (v) => appender.appendVarchar(v));
  appendNullable(appender, message.meta, (v) => appender.appendVarchar(JSON.stringify(v)));
  appender.endRow();
}
