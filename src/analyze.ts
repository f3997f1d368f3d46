/**
 * `affectlens analyze <paths…> --out DIR`: import into the store, compute facets for every stored
 * conversation, and write the run's outputs: facets.jsonl, summary.json, quarantine.jsonl and
 * report.html, plus the study figures (k-thresholded) as aggregates.csv / aggregates.parquet.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { StudySummary } from './aggregate/summary-schema.ts';
import { type LlmTopicsStats, usesLlm } from './backends/llm-topics/index.ts';
import { backendRunSummary, createOutcomeTally, type FacetOutcomes } from './backends/ordered.ts';
import { DistributedClassifier, type DistributedOptions, type DistributedRun } from './distributed/coordinator.ts';
import { ConfigError } from './errors.ts';
import { aggregateRows, writeAggregatesCsv, writeAggregatesParquet } from './export/export-aggregates.ts';
import type { FacetBackend } from './facets/embedded-backend.ts';
import { createFacetPipeline, defaultFacetBackend, isEmbeddedBackend } from './facets/facet-pool.ts';
import { type FacetRecord, isFailedRecord } from './facets/facet-record.ts';
import { type ImportIntoStoreOptions, type ImportSummary, importIntoStore } from './import-into-store.ts';
import type { Conversation } from './model.ts';
import { DEFAULT_THRESHOLDS } from './privacy/thresholds.ts';
import { type EvalTable, type Lang, renderReport } from './report/render-report.ts';
import type { Store, StoreCounts } from './store/store.ts';
import { buildStudy, type LanguageCell, type StudyOptions } from './study.ts';
import { createJsonLinesWriter } from './write-jsonl.ts';

export const SUMMARY_SCHEMA_VERSION = 1;
export interface AnalyzeOptions extends Omit<ImportIntoStoreOptions, 'runId'>, StudyOptions {
  out: string;
  onFacetProgress?: (done: number, total: number) => void;
  /** Default: the embedded backend. */
  backend?: FacetBackend;
  /** Language of report.html (default English). */
  lang?: Lang;
  /** The validation table of `npm run eval` (eval/results.json), for the report's methods. */
  evaluation?: EvalTable;
  /** Worker threads for the embedded backend (default: every core); 1 = in this thread. */
  threads?: number;
  /**
   * Classify on `affectlens worker` processes through a BullMQ queue on Redis instead of here
   * (embedded backend only); the outputs are the same as a one-machine run's.
   */
  distributed?: Omit<DistributedOptions, 'onProgress' | 'explain'>;
}

export interface AnalyzeSummary {
  schema: 'affectlens.summary';
  schema_version: number;
  generated_at: string;
  run_id: string;
  backend: string;
  import: ImportSummary;
  store: StoreCounts;
  thresholds: { k_users: number; k_conversations: number };
  seed: number;
  languages: LanguageCell[];
  /** The study figures (src/aggregate/summary-schema.ts; JSON Schema in docs/summary.schema.json). */
  study: StudySummary;
  /** Labelled vs failed conversations; failed ones (`error` in facets.jsonl) are left out of the study. */
  facets: FacetOutcomes;
  /** The backend's own statistics (LLM tokens and cost, cascade share sent and missed estimate). */
  backend_run?: unknown;
  /**
   * Which method made study.topics: 'llm' (LLM topics over the LLM backend's summaries: the run used
   * an LLM backend or the cascade and was given `llmTopics`, or asked for it) or 'offline'.
   */
  topics_method: 'offline' | 'llm';
  /** Requests, cache hits, tokens and audit counts of the LLM topics. */
  topics_llm?: LlmTopicsStats;
  /** Shards, conversations and retried shards of a distributed run (`--distributed`). */
  distributed?: DistributedRun;
  outputs: {
    facets: string;
    summary: string;
    quarantine: string;
    report: string;
    aggregatesCsv: string;
    aggregatesParquet: string;
  };
}

export interface AnalyzeResult {
  summary: AnalyzeSummary;
  status: 'ok' | 'partial' | 'nothing-usable';
}

type FacetItem = { key: string; stored: boolean; final: boolean };

/** The conversations of a stored batch that hold no record of `facetRun` yet (the ones to classify). */
async function withoutRecords(store: Store, facetRun: string, conversations: readonly Conversation[]) {
  const done = await store.facetKeys(
    facetRun,
    conversations.map((conversation) => conversation.key),
  );
  return conversations.filter((conversation) => !done.has(conversation.key));
}

/**
 * The facet stage of analyze, in two passes over one pipeline (one worker pool):
 * 1. while the import runs, each stored batch is classified (`onSaved`), so the workers classify as
 *    the main thread reads — reader → store and workers → bulk writer, with the import awaiting the
 *    pipeline when it is full (backpressure);
 * 2. `writeAll` then walks the store in stored order and writes facets.jsonl: conversations with a
 *    record (pass 1, an earlier analyze, a distributed run) come as records, read without their
 *    text; anything still without one (imported before, or failed in pass 1) is classified here.
 * A failed conversation stays out of the store's facets: the study counts labelled ones only, and
 * the next run asks again (what was answered comes from an LLM backend's cache).
 */
function createFacetStage(
  store: Store,
  backend: FacetBackend,
  runId: string,
  out: string,
  options: { threads?: number; onProgress?: (done: number, total: number) => void },
) {
  const tally = createOutcomeTally();
  let writer: ReturnType<typeof createJsonLinesWriter> | undefined;
  let total = 0;
  let toSave: { key: string; value: FacetRecord }[] = [];
  const pipeline = createFacetPipeline<FacetItem>(backend, { explain: true, threads: options.threads }, async (item, record) => {
    if (item.final && writer) {
      tally.add(record);
      // The store keeps the evidence (for the audit view); facets.jsonl leaves it out unless asked.
      const { evidence: _evidence, ...published } = record;
      await writer.write(published);
      options.onProgress?.(writer.lines, total);
    }
    if (!item.stored && !isFailedRecord(record)) toSave.push({ key: item.key, value: record });
  });
  // Records are saved between pushes only, never from inside the pipeline's callback, so the
  // store's writes stay in one sequence with the import's.
  const save = async (atLeast: number) => {
    if (toSave.length < atLeast || toSave.length === 0) return;
    await store.saveFacetRecords(backend.id, toSave, runId);
    toSave = [];
  };
  return {
    async onSaved(conversations: readonly Conversation[]) {
      for (const conversation of await withoutRecords(store, backend.id, conversations)) {
        await pipeline.push({ key: conversation.key, stored: false, final: false }, conversation);
      }
      await save(1000);
    },
    async writeAll() {
      await pipeline.drain();
      await save(1);
      total = (await store.counts()).conversations;
      writer = createJsonLinesWriter(out);
      for await (const work of store.readFacetWork(backend.id)) {
        if (work.conversation) await pipeline.push({ key: work.key, stored: false, final: true }, work.conversation);
        else await pipeline.pushRecord({ key: work.key, stored: true, final: true }, work.stored as unknown as FacetRecord);
        await save(1000);
      }
      await pipeline.drain();
      await save(1);
      return tally.outcomes;
    },
    async close() {
      await pipeline.close();
      await writer?.close();
    },
  };
}

export async function analyze(paths: readonly string[], options: AnalyzeOptions): Promise<AnalyzeResult> {
  const { store } = options;
  mkdirSync(options.out, { recursive: true });
  const runId = await store.beginRun(`analyze ${paths.join(' ')}`);
  const outputs = {
    facets: path.join(options.out, 'facets.jsonl'),
    summary: path.join(options.out, 'summary.json'),
    quarantine: path.join(options.out, 'quarantine.jsonl'),
    report: path.join(options.out, 'report.html'),
    aggregatesCsv: path.join(options.out, 'aggregates.csv'),
    aggregatesParquet: path.join(options.out, 'aggregates.parquet'),
  };
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const seed = options.seed ?? 1;
  try {
    const { distributed } = options;
    if (distributed && options.backend && !isEmbeddedBackend(options.backend)) {
      throw new ConfigError(`--distributed runs the embedded backend only; ${options.backend.id} runs on this machine`);
    }
    // Distributed: the models load in the workers, not here (the backend below is only the id).
    const backend = options.backend ?? (await defaultFacetBackend(distributed ? 2 : options.threads));
    const stage = createFacetStage(store, backend, runId, outputs.facets, {
      // Distributed: this machine only writes the records the workers made (and any a shard lost).
      threads: distributed ? 1 : options.threads,
      onProgress: options.onFacetProgress,
    });
    let imported: ImportSummary;
    let facets: FacetOutcomes;
    let distributedRun: DistributedRun | undefined;
    const classifier = distributed
      ? await DistributedClassifier.open(store, backend.id, runId, {
          ...distributed,
          explain: true,
          onProgress: options.onFacetProgress,
        })
      : undefined;
    try {
      imported = await importIntoStore(paths, {
        ...options,
        runId,
        // Distributed: each stored batch goes out in shards while the import reads on.
        onSaved: classifier
          ? async (conversations) => classifier.add(await withoutRecords(store, backend.id, conversations))
          : stage.onSaved,
      });
      if (classifier) distributedRun = await classifier.finish();
      facets = await stage.writeAll();
    } finally {
      await classifier?.close();
      await stage.close();
    }
    const backendRun = backendRunSummary(backend);
    const topicsMethod = options.topicsMethod ?? (options.llmTopics && usesLlm(backend) ? 'llm' : 'offline');
    const { study, languages } = await buildStudy(store, backend.id, {
      thresholds,
      seed,
      topicsMethod,
      ...(options.llmTopics ? { llmTopics: options.llmTopics } : {}),
    });
    const rows = aggregateRows(study as unknown as Record<string, unknown>);
    writeAggregatesCsv(rows, outputs.aggregatesCsv);
    await writeAggregatesParquet(rows, outputs.aggregatesParquet);
    const quarantine = createJsonLinesWriter(outputs.quarantine);
    for (const issue of await store.issues(runId)) if (issue.severity === 'skipped') await quarantine.write(issue);
    await quarantine.close();
    const counts = await store.counts();
    const summary: AnalyzeSummary = {
      schema: 'affectlens.summary',
      schema_version: SUMMARY_SCHEMA_VERSION,
      generated_at: new Date().toISOString(),
      run_id: runId,
      backend: backend.id,
      import: imported,
      store: counts,
      thresholds: { k_users: thresholds.kUsers, k_conversations: thresholds.kConversations },
      seed,
      languages,
      study,
      facets,
      ...(backendRun === undefined ? {} : { backend_run: backendRun }),
      topics_method: topicsMethod,
      ...(topicsMethod === 'llm' && options.llmTopics?.stats ? { topics_llm: options.llmTopics.stats } : {}),
      ...(distributedRun ? { distributed: distributedRun } : {}),
      outputs,
    };
    writeFileSync(outputs.summary, `${JSON.stringify(summary, null, 2)}\n`);
    writeFileSync(outputs.report, await renderReport(summary, { lang: options.lang ?? 'en', evaluation: options.evaluation }));
    const usable = imported.conversations > 0 || imported.filesAlreadyImported > 0 || counts.conversations > 0;
    const status = !usable ? 'nothing-usable' : imported.skipped > 0 ? 'partial' : 'ok';
    await store.finishRun(runId, status, summary);
    return { summary, status };
  } catch (error) {
    await store.finishRun(runId, 'failed', { error: (error as Error).message });
    throw error;
  }
}
