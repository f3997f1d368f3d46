/**
 * One worker thread of the facet pool (src/facets/facet-pool.ts): loads the embedded backend once
 * and classifies a batch of conversations per task, answering the records in input order.
 */
import type { Conversation } from '../model.ts';
import { createEmbeddedBackend } from './embedded-backend.ts';
import { type FacetRecord, type FailedFacetRecord, facetRecord } from './facet-record.ts';

export interface FacetBatchTask {
  conversations: Conversation[];
  explain: boolean;
}

const backend = createEmbeddedBackend();

export default async function classifyBatch(task: FacetBatchTask): Promise<(FacetRecord | FailedFacetRecord)[]> {
  const loaded = await backend;
  const records: (FacetRecord | FailedFacetRecord)[] = [];
  for (const conversation of task.conversations) records.push(await facetRecord(conversation, loaded, { explain: task.explain }));
  return records;
}
