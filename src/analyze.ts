/**
 * `affectlens analyze <paths…> --out DIR`: import into the store, compute facets for every stored
 * conversation, and write the run's outputs: facets.jsonl, summary.json, quarantine.jsonl and
 * report.html. Later stages (aggregates with k-thresholds, statistics) plug in after facets.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createEmbeddedBackend, type FacetBackend } from './facets/embedded-backend.ts';
import { type FacetRecord, facetRecord } from './facets/facet-record.ts';
import { type ImportIntoStoreOptions, type ImportSummary, importIntoStore } from './import-into-store.ts';
import { renderReport } from './report/render-report.ts';
import type { Store, StoreCounts } from './store/store.ts';
import { createJsonLinesWriter } from './write-jsonl.ts';

export const SUMMARY_SCHEMA_VERSION = 1;
/** Until the privacy layer's k-thresholds arrive, small language cells are pooled as 'other'. */
const MIN_LANGUAGE_CELL = 10;

export interface AnalyzeOptions extends Omit<ImportIntoStoreOptions, 'runId'> {
  out: string;
  onFacetProgress?: (done: number, total: number) => void;
  /** Default: the embedded backend. */
  backend?: FacetBackend;
}

export interface AnalyzeSummary {
  schema: 'affectlens.summary';
  schema_version: number;
  generated_at: string;
  run_id: string;
  backend: string;
  import: ImportSummary;
  store: StoreCounts;
  languages: Record<string, number>;
  outputs: { facets: string; summary: string; quarantine: string; report: string };
}

export interface AnalyzeResult {
  summary: AnalyzeSummary;
  status: 'ok' | 'partial' | 'nothing-usable';
}

async function computeFacets(
  store: Store,
  backend: FacetBackend,
  runId: string,
  out: string,
  onProgress?: (done: number, total: number) => void,
) {
  const total = (await store.counts()).conversations;
  const writer = createJsonLinesWriter(out);
  const languageCounts: Record<string, number> = {};
  let batch: { key: string; value: FacetRecord }[] = [];
  try {
    for await (const conversation of store.readConversations()) {
      // The store keeps the evidence (for the audit view); facets.jsonl leaves it out unless asked.
      const record = await facetRecord(conversation, backend, { explain: true });
      const { evidence: _evidence, ...published } = record;
      languageCounts[record.language] = (languageCounts[record.language] ?? 0) + 1;
      await writer.write(published);
      batch.push({ key: conversation.key, value: record });
      if (batch.length >= 1000) {
        await store.saveFacetRecords(backend.id, batch, runId);
        batch = [];
      }
      onProgress?.(writer.lines, total);
    }
    await store.saveFacetRecords(backend.id, batch, runId);
  } finally {
    await writer.close();
  }
  return languageCounts;
}

function poolSmallCells(counts: Record<string, number>): Record<string, number> {
  const pooled: Record<string, number> = {};
  for (const [language, count] of Object.entries(counts).sort((a, b) => b[1] - a[1])) {
    const name = count >= MIN_LANGUAGE_CELL ? language : 'other';
    pooled[name] = (pooled[name] ?? 0) + count;
  }
  return pooled;
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
  };
  try {
    const imported = await importIntoStore(paths, { ...options, runId });
    const backend = options.backend ?? (await createEmbeddedBackend());
    const languages = await computeFacets(store, backend, runId, outputs.facets, options.onFacetProgress);
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
      languages: poolSmallCells(languages),
      outputs,
    };
    writeFileSync(outputs.summary, `${JSON.stringify(summary, null, 2)}\n`);
    writeFileSync(outputs.report, renderReport(summary));
    const usable = imported.conversations > 0 || imported.filesAlreadyImported > 0 || counts.conversations > 0;
    const status = !usable ? 'nothing-usable' : imported.skipped > 0 ? 'partial' : 'ok';
    await store.finishRun(runId, status, summary);
    return { summary, status };
  } catch (error) {
    await store.finishRun(runId, 'failed', { error: (error as Error).message });
    throw error;
  }
}
