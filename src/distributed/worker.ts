/**
 * `affectlens worker --redis redis://…`: takes facet shards from the BullMQ queue, classifies them
 * with the embedded backend (on `threads` worker threads, models loaded once per process) and
 * writes each shard's records as Parquet beside its input in the shared directory.
 *
 * One shard at a time per worker process: the threads already use the machine's cores, and a shard
 * held by a process that dies comes back to the queue when its lock expires (`lockMs`).
 */
import os from 'node:os';
import path from 'node:path';
import { UnrecoverableError, Worker } from 'bullmq';
import { FACETS_VERSION } from '../facets/definitions.ts';
import { createFacetPipeline, defaultFacetBackend } from '../facets/facet-pool.ts';
import { type FacetRecord, type FailedFacetRecord, isFailedRecord } from '../facets/facet-record.ts';
import { connectRedis, DEFAULT_QUEUE } from './redis.ts';
import { readShardInput, type ShardJob, type ShardRecord, writeShardOutput } from './shards.ts';

export interface FacetWorkerOptions {
  redis: string;
  queue?: string;
  /** Where this machine sees the shared directory (default: the coordinator's path, carried by each job). */
  sharedDir?: string;
  /** Classification threads (default: every core). */
  threads?: number;
  /** How long a shard's lock lasts without renewal: after a crash, the shard returns to the queue this much later. Default 30 s. */
  lockMs?: number;
  /** Stop after this long without a shard (default: run until closed). */
  idleExitMs?: number;
  /** One event per shard started / finished / failed, for the command's log. */
  onEvent?: (event: FacetWorkerEvent) => void;
}

export type FacetWorkerEvent =
  | { kind: 'ready'; queue: string; threads: number }
  | { kind: 'shard-started'; run: string; shard: number; conversations: number; attempt: number }
  | { kind: 'shard-done'; run: string; shard: number; records: number; failed: number; seconds: number }
  | { kind: 'shard-failed'; run: string; shard: number; reason: string }
  | { kind: 'idle-exit' };

export interface FacetWorkerHandle {
  /** Finishes the shard in hand, then stops. */
  close(): Promise<void>;
  /** Resolves when the worker has stopped (closed, or idle past idleExitMs). */
  readonly stopped: Promise<void>;
}

const FACET_RUN = `embedded@${FACETS_VERSION}`;

export async function startFacetWorker(options: FacetWorkerOptions): Promise<FacetWorkerHandle> {
  const queueName = options.queue ?? DEFAULT_QUEUE;
  const threads = Math.max(1, options.threads ?? os.availableParallelism());
  const connection = await connectRedis(options.redis);
  const backend = await defaultFacetBackend(threads);
  // One pipeline for the worker's life: the pool's threads load the models once, not per shard.
  let collect: (key: string, record: FacetRecord | FailedFacetRecord) => void = () => {};
  const pipeline = createFacetPipeline<string>(backend, { explain: true, threads }, async (key, record) => collect(key, record));

  const processShard = async (job: { data: ShardJob; attemptsMade: number; stalledCounter: number }) => {
    const shard = job.data;
    if (shard.facetRun !== FACET_RUN) {
      throw new UnrecoverableError(
        `this worker computes ${FACET_RUN}, the shard asks for ${shard.facetRun}: run the same affectlens version`,
      );
    }
    const base = options.sharedDir ?? shard.sharedDir;
    const started = performance.now();
    options.onEvent?.({
      kind: 'shard-started',
      run: shard.run,
      shard: shard.shard,
      conversations: shard.conversations,
      // Failed tries and tries lost with a dead worker (stalled) both count.
      attempt: job.attemptsMade + job.stalledCounter + 1,
    });
    const records: ShardRecord[] = [];
    let failed = 0;
    collect = (key, record) => {
      if (isFailedRecord(record)) failed += 1;
      // Evidence only when the coordinator asked for it (as the store of a one-machine run keeps it).
      else records.push({ key, value: shard.explain ? record : { ...record, evidence: undefined } });
    };
    let read = 0;
    for await (const { key, conversation } of readShardInput(path.join(base, shard.input))) {
      await pipeline.push(key, conversation);
      // In-thread classification never yields by itself; the lock renewal timer must get its turn.
      if (++read % 16 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await pipeline.drain();
    if (read !== shard.conversations) {
      throw new Error(`shard ${shard.shard}: the input holds ${read} conversations, the job says ${shard.conversations}`);
    }
    await writeShardOutput(path.join(base, shard.output), records);
    options.onEvent?.({
      kind: 'shard-done',
      run: shard.run,
      shard: shard.shard,
      records: records.length,
      failed,
      seconds: (performance.now() - started) / 1000,
    });
    return { records: records.length, failed };
  };

  const lockMs = options.lockMs ?? 30_000;
  const worker = new Worker<ShardJob>(queueName, processShard, {
    connection,
    concurrency: 1,
    lockDuration: lockMs,
    stalledInterval: Math.max(500, Math.floor(lockMs / 2)),
    maxStalledCount: 3,
    autorun: false,
  });
  worker.on('failed', (job, error) => {
    if (job) options.onEvent?.({ kind: 'shard-failed', run: job.data.run, shard: job.data.shard, reason: error.message });
  });
  // BullMQ reports connection trouble as 'error' events; without a listener Node would throw them.
  worker.on('error', () => {});

  let closing: Promise<void> | undefined;
  let idleTimer: NodeJS.Timeout | undefined;
  const close = () => {
    closing ??= (async () => {
      if (idleTimer) clearInterval(idleTimer);
      await worker.close();
      await pipeline.close();
      connection.disconnect();
    })();
    return closing;
  };
  if (options.idleExitMs !== undefined) {
    let busy = 0;
    let lastBusy = Date.now();
    worker.on('active', () => {
      busy += 1;
    });
    const finished = () => {
      busy = Math.max(0, busy - 1);
      lastBusy = Date.now();
    };
    worker.on('completed', finished);
    worker.on('failed', finished);
    idleTimer = setInterval(
      () => {
        if (busy > 0 || Date.now() - lastBusy < (options.idleExitMs as number)) return;
        options.onEvent?.({ kind: 'idle-exit' });
        void close();
      },
      Math.min(1000, options.idleExitMs),
    );
  }
  const running = worker.run();
  await worker.waitUntilReady();
  options.onEvent?.({ kind: 'ready', queue: queueName, threads });
  const stopped = running.then(
    () => close(),
    async (error: unknown) => {
      await close();
      throw error;
    },
  );
  return { close, stopped };
}
