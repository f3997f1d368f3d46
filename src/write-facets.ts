/**
 * `affectlens facets <paths…> --out facets.jsonl`: straight from files to one JSON line per
 * conversation, with no store — the evaluation contract. Skipped input goes to a quarantine list.
 */
import { backendRunSummary, createOutcomeTally, type FacetOutcomes } from './backends/ordered.ts';
import type { FacetBackend } from './facets/embedded-backend.ts';
import { createFacetPipeline, defaultFacetBackend } from './facets/facet-pool.ts';
import type { ImportIssue } from './ingest/importer.ts';
import { type IngestOptions, type IngestSummary, IngestTally, ingest } from './ingest/ingest.ts';
import { createJsonLinesWriter } from './write-jsonl.ts';

export interface WriteFacetsOptions extends Omit<IngestOptions, 'skipFile'> {
  out: string;
  /** Where skipped input is listed (file, position, reason; never text). */
  quarantineOut?: string;
  onIssue?: (issue: ImportIssue) => void;
  onConversation?: (count: number) => void;
  /** Default: the embedded backend. */
  backend?: FacetBackend;
  /** Add each decision's evidence (rules, model features) to the records. */
  explain?: boolean;
  /** Worker threads for the embedded backend (default: every core); 1 = in this thread. */
  threads?: number;
}

export interface WriteFacetsResult {
  ingest: IngestSummary;
  written: number;
  quarantined: number;
  /** Labelled vs explicitly failed conversations (a failed record carries `error` and null facets). */
  facets: FacetOutcomes;
  /** The backend's own statistics (LLM tokens and cost, cascade routing); absent for the embedded one. */
  backend_run?: unknown;
}

export async function writeFacets(paths: readonly string[], options: WriteFacetsOptions): Promise<WriteFacetsResult> {
  const backend = options.backend ?? (await defaultFacetBackend(options.threads));
  const ingestTally = new IngestTally();
  const out = createJsonLinesWriter(options.out);
  const quarantine = options.quarantineOut ? createJsonLinesWriter(options.quarantineOut) : undefined;
  let quarantined = 0;
  const tally = createOutcomeTally();
  const pipeline = createFacetPipeline<undefined>(
    backend,
    { explain: options.explain ?? false, threads: options.threads },
    async (_item, record) => {
      tally.add(record);
      await out.write(record);
      options.onConversation?.(out.lines);
    },
  );
  try {
    for await (const event of ingest(paths, options)) {
      ingestTally.add(event);
      if (event.kind === 'conversation') {
        await pipeline.push(undefined, event.conversation);
      } else if (event.kind === 'issue') {
        options.onIssue?.(event.issue);
        if (event.issue.severity === 'skipped') {
          quarantined += 1;
          await quarantine?.write(event.issue);
        }
      }
    }
    await pipeline.drain();
  } finally {
    await pipeline.close();
    await out.close();
    await quarantine?.close();
  }
  const run = backendRunSummary(backend);
  return {
    ingest: ingestTally.summary,
    written: out.lines,
    quarantined,
    facets: tally.outcomes,
    ...(run === undefined ? {} : { backend_run: run }),
  };
}
