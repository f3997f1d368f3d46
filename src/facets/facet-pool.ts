/**
 * Facet records computed on every core, written in input order. The callers (write-facets,
 * analyze) push conversations as they read them; with the embedded backend and more than one thread
 * they go in batches to a `worker_threads` pool (piscina) whose workers each load the models once
 * (src/facets/facet-worker.ts). At most `maxPendingBatches` batches are in flight: the reader awaits
 * the oldest one (written in order) before it reads further, so memory stays bounded whatever the
 * input size. Anything else — one thread, or an LLM backend (I/O-bound, with its own concurrency) —
 * runs in this thread through the ordered window, as before.
 */
import os from 'node:os';
import { Piscina } from 'piscina';
import { concurrencyOf, createOrderedWindow } from '../backends/ordered.ts';
import type { Conversation } from '../model.ts';
import { FACETS_VERSION } from './definitions.ts';
import { createEmbeddedBackend, type EmbeddedBackend, type FacetBackend } from './embedded-backend.ts';
import { type FacetRecord, type FailedFacetRecord, facetRecord } from './facet-record.ts';
import type { FacetBatchTask } from './facet-worker.ts';

type AnyRecord = FacetRecord | FailedFacetRecord;

export interface FacetPipelineOptions {
  /** Worker threads for the embedded backend (default: os.availableParallelism()); 1 = this thread, no pool. */
  threads?: number;
  /** Add each decision's evidence to the records. */
  explain?: boolean;
  /** Conversations per worker task (default 64): amortises the messaging. */
  batchSize?: number;
  /** Batches in flight before push() waits (default 2 × threads). */
  maxPendingBatches?: number;
}

export interface FacetPipeline<T> {
  /** Queues one conversation; waits while the pipeline is full. `item` comes back with its record. */
  push(item: T, conversation: Conversation): Promise<void>;
  /** Queues a record computed before (a resumed run), written in its place in the order. */
  pushRecord(item: T, record: AnyRecord): Promise<void>;
  /** Writes everything still pending. */
  drain(): Promise<void>;
  /** Stops the workers (after drain, or on error). */
  close(): Promise<void>;
  /** Threads actually classifying (1 when in-process). */
  readonly threads: number;
}

export function defaultThreads(): number {
  return os.availableParallelism();
}

function threadCount(threads: number | undefined): number {
  return Math.max(1, Math.floor(threads ?? defaultThreads()));
}

/**
 * The embedded backend as the workers run it, without loading its models in this thread (they
 * take a few hundred MB per copy); classify() here loads them only if something calls it.
 */
const POOLED_EMBEDDED: FacetBackend & { pooledEmbedded: true } = {
  id: `embedded@${FACETS_VERSION}`,
  pooledEmbedded: true,
  classify: async (conversation) => (await createEmbeddedBackend()).classify(conversation),
};

/** The default backend (embedded) for `threads`: loaded here for one thread, left to the workers for more. */
export async function defaultFacetBackend(threads: number | undefined): Promise<FacetBackend> {
  return threadCount(threads) > 1 ? POOLED_EMBEDDED : createEmbeddedBackend();
}

/** The shipped embedded backend (which the workers load themselves), as opposed to an LLM or cascade one. */
export function isEmbeddedBackend(backend: FacetBackend): boolean {
  if (backend === POOLED_EMBEDDED) return true;
  return typeof (backend as Partial<EmbeddedBackend>).classifySync === 'function' && backend.id.startsWith('embedded@');
}

/** The worker module beside this one: .ts under tsx (src/, tests), plain .js in the built dist/. */
function workerLocation(): { filename: string; execArgv: string[] } {
  const fromSource = new URL(import.meta.url).pathname.endsWith('.ts');
  return {
    filename: new URL(fromSource ? './facet-worker.ts' : './facet-worker.js', import.meta.url).href,
    execArgv: fromSource ? ['--import', 'tsx'] : [],
  };
}

export function createFacetPipeline<T>(
  backend: FacetBackend,
  options: FacetPipelineOptions,
  write: (item: T, record: AnyRecord) => Promise<void>,
): FacetPipeline<T> {
  const threads = threadCount(options.threads);
  const explain = options.explain ?? false;
  if (threads === 1 || !isEmbeddedBackend(backend)) {
    const window = createOrderedWindow<{ item: T; record: AnyRecord }>(concurrencyOf(backend), ({ item, record }) =>
      write(item, record),
    );
    return {
      threads: 1,
      push: (item, conversation) =>
        window.push(facetRecord(conversation, backend, { explain }).then((record) => ({ item, record }))),
      pushRecord: (item, record) => window.push(Promise.resolve({ item, record })),
      drain: () => window.drain(),
      close: async () => {},
    };
  }
  return createPooledPipeline(threads, explain, options, write);
}

const WORKER_YOUNG_GENERATION_MB = 16;

interface Slot<T> {
  item: T;
  /** Set for records known before (resume); the others come from the batch's answer, in order. */
  record?: AnyRecord;
}

interface Batch<T> {
  slots: Slot<T>[];
  answer: Promise<AnyRecord[]>;
}

function createPooledPipeline<T>(
  threads: number,
  explain: boolean,
  options: FacetPipelineOptions,
  write: (item: T, record: AnyRecord) => Promise<void>,
): FacetPipeline<T> {
  const batchSize = Math.max(1, options.batchSize ?? 64);
  const maxPending = Math.max(1, options.maxPendingBatches ?? threads * 2);
  const { filename, execArgv } = workerLocation();
  const pool = new Piscina<FacetBatchTask, AnyRecord[]>({
    filename,
    execArgv,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 60_000,
    // A worker's garbage is short-lived (per-conversation strings and vectors): a young generation of
    // 16 MB instead of V8's default (up to 48 MB) keeps each worker's RSS down at no measurable cost in speed.
    resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
  });
  const pending: Batch<T>[] = [];
  let slots: Slot<T>[] = [];
  let conversations: Conversation[] = [];

  const dispatch = () => {
    if (slots.length === 0) return;
    const answer = conversations.length > 0 ? pool.run({ conversations, explain }) : Promise.resolve([]);
    answer.catch(() => {}); // awaited in order by flushOne; keeps an early failure from going unhandled
    pending.push({ slots, answer });
    slots = [];
    conversations = [];
  };
  const flushOne = async () => {
    const batch = pending.shift() as Batch<T>;
    const records = await batch.answer;
    let next = 0;
    for (const slot of batch.slots) await write(slot.item, slot.record ?? (records[next++] as AnyRecord));
  };
  const add = async (slot: Slot<T>, conversation?: Conversation) => {
    slots.push(slot);
    if (conversation) conversations.push(conversation);
    // Stored records ride along with the batch they fall in; a long run of them is cut at 16 batches' worth.
    if (conversations.length >= batchSize || slots.length >= batchSize * 16) dispatch();
    while (pending.length >= maxPending) await flushOne();
  };
  return {
    threads,
    push: (item, conversation) => add({ item }, conversation),
    pushRecord: (item, record) => add({ item, record }),
    async drain() {
      dispatch();
      while (pending.length > 0) await flushOne();
    },
    close: () => pool.destroy(),
  };
}
