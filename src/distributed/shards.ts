/**
 * The files a distributed run exchanges through the shared directory, one folder per run:
 *   <shared>/<run>/input-00001.jsonl      conversations to classify (already redacted: written from the store)
 *   <shared>/<run>/facets-00001.parquet   their facet records, written by whichever worker ran the shard
 * A shard's output is a pure function of its input, and a worker writes it to a temporary name and
 * renames it into place, so a shard run twice (a worker died, or was slow past its lock) leaves one
 * complete file with the same content — the coordinator reads one file per shard, never counts twice.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { AffectlensError } from '../errors.ts';
import { readLines } from '../ingest/read-lines.ts';
import { type Conversation, ConversationSchema } from '../model.ts';

/** One shard: what a BullMQ job carries. Paths are relative to the shared directory. */
export interface ShardJob {
  /** The coordinator's run id (also the folder of the run's files). */
  run: string;
  /** 1-based shard number. */
  shard: number;
  /** Conversations in the input file. */
  conversations: number;
  input: string;
  output: string;
  /** The facet run the records belong to (e.g. 'embedded@1'); a worker with other models refuses the job. */
  facetRun: string;
  /** Whether records carry their evidence (the store keeps it for the audit view). */
  explain: boolean;
  /** The coordinator's shared directory, for workers that were not given their own mount point. */
  sharedDir: string;
}

export interface ShardRecord {
  key: string;
  value: unknown;
}

export function shardNames(run: string, shard: number): { input: string; output: string } {
  const number = String(shard).padStart(5, '0');
  return { input: path.join(run, `input-${number}.jsonl`), output: path.join(run, `facets-${number}.parquet`) };
}

/** Streams shard input files: conversations with their store keys, one JSON line each. */
export class ShardInputWriter {
  private stream: ReturnType<typeof createWriteStream> | undefined;
  private file = '';
  private count = 0;

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  get conversations(): number {
    return this.count;
  }

  get isOpen(): boolean {
    return this.stream !== undefined;
  }

  open(relative: string): void {
    this.file = path.join(this.dir, path.basename(relative));
    this.stream = createWriteStream(`${this.file}.part`, { encoding: 'utf8' });
    this.count = 0;
  }

  async write(key: string, conversation: Conversation): Promise<void> {
    const stream = this.stream as NonNullable<typeof this.stream>;
    this.count += 1;
    if (!stream.write(`${JSON.stringify({ key, conversation })}\n`)) await once(stream, 'drain');
  }

  /** Ends the current file and moves it into place (a job never sees a half-written input). */
  async close(): Promise<void> {
    const stream = this.stream;
    if (!stream) return;
    this.stream = undefined;
    stream.end();
    await once(stream, 'finish');
    renameSync(`${this.file}.part`, this.file);
  }
}

/** Reads a shard's conversations, validating each line against the canonical model. */
export async function* readShardInput(file: string): AsyncGenerator<{ key: string; conversation: Conversation }> {
  let line = 0;
  for await (const item of readLines(createReadStream(file, { highWaterMark: 1 << 20 }), 256 << 20)) {
    line += 1;
    if (item.kind !== 'line') throw new AffectlensError('shard-input', `${file}: line ${line} is too long or unreadable`);
    if (item.text === '') continue;
    let parsed: { key?: unknown; conversation?: unknown };
    try {
      parsed = JSON.parse(item.text) as typeof parsed;
    } catch {
      throw new AffectlensError('shard-input', `${file}: line ${line} is not JSON (a damaged shard file)`);
    }
    const conversation = ConversationSchema.safeParse(parsed.conversation);
    if (typeof parsed.key !== 'string' || !conversation.success) {
      throw new AffectlensError('shard-input', `${file}: line ${line} is not a {key, conversation} record`);
    }
    yield { key: parsed.key, conversation: conversation.data };
  }
}

function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * Writes a shard's records as Parquet (key, value JSON), to a temporary file renamed into place:
 * a reader sees the complete file or none.
 */
export async function writeShardOutput(file: string, records: readonly ShardRecord[]): Promise<void> {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.part`;
  const instance = await DuckDBInstance.create(':memory:', { memory_limit: '64MB' });
  const connection = await instance.connect();
  try {
    await connection.run('CREATE TABLE records (key VARCHAR NOT NULL, value VARCHAR NOT NULL)');
    const appender = await connection.createAppender('records');
    for (const record of records) {
      appender.appendVarchar(record.key);
      appender.appendVarchar(JSON.stringify(record.value));
      appender.endRow();
    }
    appender.closeSync();
    await connection.run(`COPY records TO ${sqlString(temporary)} (FORMAT parquet, COMPRESSION zstd)`);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Reads a shard's records back (tests, and tools that look at shards without a store). */
export async function readShardOutput(file: string): Promise<ShardRecord[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(`SELECT key, value FROM read_parquet(${sqlString(file)}) ORDER BY key`);
    return reader.getRows().map((row) => ({ key: row[0] as string, value: JSON.parse(row[1] as string) as unknown }));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
