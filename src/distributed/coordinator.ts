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
  const queueName = options.queue ?? DEFAULT_QUEUE;
  const shardSize = Math.max(1, options.shardSize ?? 1000);
  const sharedDir = path.resolve(options.sharedDir);
  const runDir = path.join(sharedDir, runId);
  const connection = await connectRedis(options.redis);
  const queue = new Queue<ShardJob, ShardResult>(queueName, { connection });
  const outstanding = new Map<string, ShardJob>();
  let shards = 0;
  let total = 0;
  let retriedShards = 0;
  const started = performance.now();
  try {
    // 1. Shards: written from the store (redacted text), each queued as soon as it is complete, so
    //    workers start while the rest is still being written.
    const writer = new ShardInputWriter(runDir);
    const enqueue = async () => {
      await writer.close();
      const job: ShardJob = {
        run: runId,
        shard: shards,
        conversations: writer.conversations,
        ...shardNames(runId, shards),
        facetRun,
        explain: options.explain ?? true,
        sharedDir,
      };
      const id = `${runId}-${shards}`;
      await queue.add('facets', job, {
        jobId: id,
        attempts: Math.max(1, options.attempts ?? 3),
        backoff: { type: 'fixed', delay: 1000 },
      });
      outstanding.set(id, job);
    };
    for await (const work of store.readFacetWork(facetRun)) {
      if (!work.conversation) continue;
      if (writer.conversations === 0 || writer.conversations >= shardSize) {
        if (shards > 0) await enqueue();
        shards += 1;
        writer.open(shardNames(runId, shards).input);
      }
      await writer.write(work.key, work.conversation);
      total += 1;
    }
    if (shards > 0) await enqueue();
    options.onProgress?.(0, total);

    // 2. Wait, merging each completed shard into the store as it comes.
    let done = 0;
    let lastProgress = Date.now();
    let warnedIdle = false;
    while (outstanding.size > 0) {
      let progressed = false;
      for (const [id, job] of outstanding) {
        const state = await queue.getJobState(id);
        if (state === 'completed') {
          const finished = await queue.getJob(id);
          const stored = await store.mergeFacetShard(facetRun, path.join(sharedDir, job.output), runId);
          const expected = finished?.returnvalue?.records;
          if (expected !== undefined && stored !== expected) {
            throw new AffectlensError(
              'shard-mismatch',
              `shard ${job.shard} of run ${runId}: the worker reported ${expected} records, the file holds ${stored}`,
            );
          }
          if ((finished?.attemptsMade ?? 0) > 1 || (finished?.stalledCounter ?? 0) > 0) retriedShards += 1;
          await finished?.remove().catch(() => undefined);
          if (!options.keepShards) {
            rmSync(path.join(sharedDir, job.input), { force: true });
            rmSync(path.join(sharedDir, job.output), { force: true });
          }
          outstanding.delete(id);
          done += job.conversations;
          progressed = true;
          options.onProgress?.(done, total);
        } else if (state === 'failed') {
          const failed = await queue.getJob(id);
          throw new AffectlensError(
            'shard-failed',
            `shard ${job.shard} of run ${runId} failed after ${failed?.attemptsMade ?? '?'} tries: ${failed?.failedReason ?? 'unknown reason'}`,
            { hint: 'see the worker logs; re-running analyze resumes with the shards not yet merged' },
          );
        } else if (state === 'unknown') {
          throw new AffectlensError('shard-lost', `shard ${job.shard} of run ${runId} is no longer in queue ${queueName}`, {
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
        options.onStatus?.(
          workers === 0
            ? `no worker is connected to queue ${queueName} on ${printableRedisUrl(options.redis)}; start one with ` +
                `\`affectlens worker --redis ${printableRedisUrl(options.redis)}${queueName === DEFAULT_QUEUE ? '' : ` --queue ${queueName}`}\``
            : `waiting for ${outstanding.size} shards (${workers} workers connected)`,
        );
      }
      if (outstanding.size > 0) await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 250));
    }
    if (!options.keepShards) {
      rmSync(runDir, { recursive: true, force: true });
      try {
        rmdirSync(sharedDir); // only if no other run's files are there
      } catch {}
    }
    return { queue: queueName, shards, conversations: total, retriedShards, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    // Shards not yet taken are withdrawn, so workers do not spend time on a run that stopped.
    for (const id of outstanding.keys()) await queue.remove(id).catch(() => undefined);
    throw error;
  } finally {
    await queue.close();
    connection.disconnect();
  }
}
