/**
 * The coordinator side of `analyze --distributed redis://…`: every stored conversation without a
 * facet record goes, in shards, to a BullMQ queue; workers (`affectlens worker`, any machine that
 * sees the shared directory and Redis) classify them and write Parquet facet shards; the coordinator
 * merges each completed shard into its store. analyze then goes on exactly as on one machine, so the
 * summary and report are the same as a single-process run.
 *
 * Retries without double counting: a job whose worker dies is put back by BullMQ's stalled-job
 * check once its lock expires, and runs again elsewhere; its output file is rewritten whole (same
 * content), and the coordinator merges one file per shard, replacing by key.
 */
import { rmdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Queue } from 'bullmq';
import { AffectlensError } from '../errors.ts';
import type { Conversation } from '../model.ts';
import type { Store } from '../store/store.ts';
import { connectRedis, DEFAULT_QUEUE, printableRedisUrl } from './redis.ts';
import { ShardInputWriter, type ShardJob, shardNames } from './shards.ts';

export interface DistributedOptions {
  /** redis://HOST:PORT of the queue. */
  redis: string;
  /** A directory every worker can read and write (NFS, a mounted bucket; the same path, or see `worker --shared-dir`). */
  sharedDir: string;
  /** BullMQ queue name (default 'affectlens-facets'); workers must use the same. */
  queue?: string;
  /** Conversations per shard (default 1000). */
  shardSize?: number;
  /** Tries per shard before the run fails (default 3); a dead worker's shard also comes back while under 3 stalls. */
  attempts?: number;
  /** Records carry their evidence (analyze keeps it in the store). Default true. */
  explain?: boolean;
  /** How often job states are checked (default 250 ms). */
  pollMs?: number;
  /** Leave the shard files in place after the merge (default: removed). */
  keepShards?: boolean;
  onProgress?: (done: number, total: number) => void;
  /** One-line status messages (e.g. no worker connected). */
  onStatus?: (message: string) => void;
}

export interface DistributedRun {
  queue: string;
  shards: number;
  conversations: number;
  /** Shards that ran more than once (a worker died or failed). */
  retriedShards: number;
  /** Wall time from the first shard written to the last one merged. */
  seconds: number;
}

interface ShardResult {
  records: number;
  failed: number;
}

/**
 * Classifies, through the queue, every conversation of `store` that has no record of `facetRun`,
 * and stores the records. Returns when every shard is merged; throws when a shard failed for good.
 */
export async function classifyDistributed(
  store: Store,
  facetRun: string,
  runId: string,
  options: DistributedOptions,
): Promise<DistributedRun> {
  const run = await DistributedClassifier.open(store, facetRun, runId, options);
  try {
    return await run.finish();
  } finally {
    await run.close();
  }
}

/**
 * A distributed facet run in two steps: `add` queues conversations as the import stores them (so
 * workers classify while the coordinator still reads), `finish` queues whatever else in the store
 * has no record yet, waits and merges. Shards are queued as soon as they are full.
 */
export class DistributedClassifier {
  private readonly outstanding = new Map<string, ShardJob>();
  private readonly writer: ShardInputWriter;
  private readonly runDir: string;
  private readonly sharedDir: string;
  private readonly queueName: string;
  private shards = 0;
  private total = 0;
  private done = 0;
  private retriedShards = 0;
  private readonly started = performance.now();

  private constructor(
    private readonly store: Store,
    private readonly facetRun: string,
    private readonly runId: string,
    private readonly options: DistributedOptions,
    private readonly connection: Awaited<ReturnType<typeof connectRedis>>,
    private readonly queue: Queue<ShardJob, ShardResult>,
  ) {
    this.queueName = options.queue ?? DEFAULT_QUEUE;
    this.sharedDir = path.resolve(options.sharedDir);
    this.runDir = path.join(this.sharedDir, runId);
    this.writer = new ShardInputWriter(this.runDir);
  }

  static async open(store: Store, facetRun: string, runId: string, options: DistributedOptions) {
    const connection = await connectRedis(options.redis);
    const queue = new Queue<ShardJob, ShardResult>(options.queue ?? DEFAULT_QUEUE, { connection });
    return new DistributedClassifier(store, facetRun, runId, options, connection, queue);
  }

  /** Queues conversations to classify (the caller leaves out those with a record). */
  async add(conversations: readonly Conversation[]): Promise<void> {
    const shardSize = Math.max(1, this.options.shardSize ?? 1000);
    for (const conversation of conversations) {
      if (this.writer.conversations >= shardSize) await this.enqueue();
      if (!this.writer.isOpen) {
        this.shards += 1;
        this.writer.open(shardNames(this.runId, this.shards).input);
      }
      await this.writer.write(conversation.key, conversation);
      this.total += 1;
    }
  }

  /** Queues the rest, waits for every shard and merges it; the store then holds every record. */
  async finish(): Promise<DistributedRun> {
    // Shards queued during the import are merged first: what the store still lacks after that
    // (conversations imported by earlier runs) goes out in a second round.
    await this.enqueue();
    await this.waitAndMerge();
    for await (const work of this.store.readFacetWork(this.facetRun)) {
      if (work.conversation) await this.add([work.conversation]);
    }
    await this.enqueue();
    await this.waitAndMerge();
    if (!this.options.keepShards) {
      rmSync(this.runDir, { recursive: true, force: true });
      try {
        rmdirSync(this.sharedDir); // only if no other run's files are there
      } catch {}
    }
    return {
      queue: this.queueName,
      shards: this.shards,
      conversations: this.total,
      retriedShards: this.retriedShards,
      seconds: (performance.now() - this.started) / 1000,
    };
  }

  /** Ends the run; shards still queued (the import or a shard failed) are withdrawn. */
  async close(): Promise<void> {
    for (const id of this.outstanding.keys()) await this.queue.remove(id).catch(() => undefined);
    await this.writer.close().catch(() => undefined);
    await this.queue.close();
    this.connection.disconnect();
  }

  private async enqueue(): Promise<void> {
    if (!this.writer.isOpen) return;
    await this.writer.close();
    const job: ShardJob = {
      run: this.runId,
      shard: this.shards,
      conversations: this.writer.conversations,
      ...shardNames(this.runId, this.shards),
      facetRun: this.facetRun,
      explain: this.options.explain ?? true,
      sharedDir: this.sharedDir,
    };
    const id = `${this.runId}-${this.shards}`;
    await this.queue.add('facets', job, {
      jobId: id,
      attempts: Math.max(1, this.options.attempts ?? 3),
      backoff: { type: 'fixed', delay: 1000 },
    });
    this.outstanding.set(id, job);
  }

  /** Polls the outstanding shards; merges each completed one into the store as it comes. */
  private async waitAndMerge(): Promise<void> {
    const { options, queue, queueName } = this;
    options.onProgress?.(this.done, this.total);
    let lastProgress = Date.now();
    let warnedIdle = false;
    while (this.outstanding.size > 0) {
      let progressed = false;
      for (const [id, job] of this.outstanding) {
        const state = await queue.getJobState(id);
        if (state === 'completed') {
          await this.merge(id, job);
          progressed = true;
        } else if (state === 'failed') {
          const failed = await queue.getJob(id);
          throw new AffectlensError(
            'shard-failed',
            `shard ${job.shard} of run ${this.runId} failed after ${failed?.attemptsMade ?? '?'} tries: ${failed?.failedReason ?? 'unknown reason'}`,
            { hint: 'see the worker logs; re-running analyze resumes with the shards not yet merged' },
          );
        } else if (state === 'unknown') {
          throw new AffectlensError('shard-lost', `shard ${job.shard} of run ${this.runId} is no longer in queue ${queueName}`, {
            hint: 'was the queue emptied or Redis restarted without persistence? re-running analyze resumes',
          });
        }
      }
      if (progressed) {
        lastProgress = Date.now();
        warnedIdle = false;
      } else if (!warnedIdle && Date.now() - lastProgress > 15_000) {
        warnedIdle = true;
        const workers = await queue.getWorkersCount();
        const url = printableRedisUrl(options.redis);
        options.onStatus?.(
          workers === 0
            ? `no worker is connected to queue ${queueName} on ${url}; start one with ` +
                `\`affectlens worker --redis ${url}${queueName === DEFAULT_QUEUE ? '' : ` --queue ${queueName}`}\``
            : `waiting for ${this.outstanding.size} shards (${workers} workers connected)`,
        );
      }
      if (this.outstanding.size > 0) await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 250));
    }
  }

  private async merge(id: string, job: ShardJob): Promise<void> {
    const finished = await this.queue.getJob(id);
    const stored = await this.store.mergeFacetShard(this.facetRun, path.join(this.sharedDir, job.output), this.runId);
    const expected = finished?.returnvalue?.records;
    if (expected !== undefined && stored !== expected) {
      throw new AffectlensError(
        'shard-mismatch',
        `shard ${job.shard} of run ${this.runId}: the worker reported ${expected} records, the file holds ${stored}`,
      );
    }
    if ((finished?.attemptsMade ?? 0) > 1 || (finished?.stalledCounter ?? 0) > 0) this.retriedShards += 1;
    await finished?.remove().catch(() => undefined);
    if (!this.options.keepShards) {
      rmSync(path.join(this.sharedDir, job.input), { force: true });
      rmSync(path.join(this.sharedDir, job.output), { force: true });
    }
    this.outstanding.delete(id);
    this.done += job.conversations;
    this.options.onProgress?.(this.done, this.total);
  }
}
