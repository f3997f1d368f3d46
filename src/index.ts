/** The public library API: the same operations the CLI uses. */

export { buildStudySummary } from './aggregate/aggregate.ts';
export { STUDY_SCHEMA_VERSION, type StudySummary, StudySummarySchema } from './aggregate/summary-schema.ts';
export { type AnalyzeOptions, type AnalyzeResult, type AnalyzeSummary, analyze } from './analyze.ts';
export { createAnthropicBackend } from './backends/anthropic/index.ts';
export { createCascadeBackend } from './backends/cascade/index.ts';
export { createOpenAICompatibleBackend } from './backends/openai-compatible/index.ts';
export { classifyDistributed, type DistributedOptions, type DistributedRun } from './distributed/coordinator.ts';
export { type FacetWorkerHandle, type FacetWorkerOptions, startFacetWorker } from './distributed/worker.ts';
export { AffectlensError, ConfigError, EXIT } from './errors.ts';
export { FACET_DEFINITIONS } from './facets/definitions.ts';
export { createEmbeddedBackend, type EmbeddedBackend, type FacetBackend } from './facets/embedded-backend.ts';
export { type FacetRecord, facetRecord } from './facets/facet-record.ts';
export { createLanguageDetector, type LanguageDetector } from './facets/language.ts';
export { type ImportIntoStoreOptions, type ImportSummary, importIntoStore } from './import-into-store.ts';
export type { Importer, ImportIssue, ImportOptions, ImportRecord, IssueCode } from './ingest/importer.ts';
export { type IngestEvent, type IngestOptions, type IngestSummary, IngestTally, ingest } from './ingest/ingest.ts';
export { detectImporter, importerById, importers } from './ingest/registry.ts';
export { listSourceFiles, type SourceFile } from './ingest/source-files.ts';
export {
  type Conversation,
  ConversationSchema,
  type Message,
  MessageSchema,
  ROLES,
  type Role,
  SOURCE_FORMATS,
  type SourceFormat,
} from './model.ts';
export { resolveParticipantKey } from './privacy/participant-key.ts';
export { createParticipantKey, pseudonymize } from './privacy/pseudonymize.ts';
export { createRedactor, PII_TYPES } from './privacy/redact.ts';
export { DEFAULT_THRESHOLDS, type KThresholds, meetsThresholds } from './privacy/thresholds.ts';
export { renderReport } from './report/render-report.ts';
export { DuckDbStore } from './store/duckdb/duckdb-store.ts';
export type { SaveResult, Store, StoreCounts } from './store/store.ts';
export { buildStudy } from './study.ts';
export { buildTopics } from './topics/index.ts';
export { runWellbeingStudy } from './wellbeing/study.ts';
export { type WriteFacetsOptions, type WriteFacetsResult, writeFacets } from './write-facets.ts';
