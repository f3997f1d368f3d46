/**
 * `affectlens facets <paths…> --out facets.jsonl`: straight from files to one JSON line per
 * conversation, with no store — the evaluation contract. Skipped input goes to a quarantine list.
 */
import { createEmbeddedBackend, type FacetBackend } from './facets/embedded-backend.ts';
import { facetRecord } from './facets/facet-record.ts';
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
}

export interface WriteFacetsResult {
  ingest: IngestSummary;
  written: number;
  quarantined: number;
}

export async function writeFacets(paths: readonly string[], options: WriteFacetsOptions): Promise<WriteFacetsResult> {
  const backend = options.backend ?? (await createEmbeddedBackend());
  const tally = new IngestTally();
  const out = createJsonLinesWriter(options.out);
  const quarantine = options.quarantineOut ? createJsonLinesWriter(options.quarantineOut) : undefined;
  let quarantined = 0;
  try {
    for await (const event of ingest(paths, options)) {
      tally.add(event);
      if (event.kind === 'conversation') {
        await out.write(await facetRecord(event.conversation, backend, { explain: options.explain ?? false }));
        options.onConversation?.(out.lines);
      } else if (event.kind === 'issue') {
        options.onIssue?.(event.issue);
        if (event.issue.severity === 'skipped') {
          quarantined += 1;
          await quarantine?.write(event.issue);
        }
      }
    }
  } finally {
    await out.close();
    await quarantine?.close();
  }
  return { ingest: tally.summary, written: out.lines, quarantined };
}
