/** The public library API: the same operations the CLI uses. */

export { type AnalyzeOptions, type AnalyzeResult, type AnalyzeSummary, analyze } from './analyze.ts';
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
export { DuckDbStore } from './store/duckdb/duckdb-store.ts';
export type { SaveResult, Store, StoreCounts } from './store/store.ts';
export { type WriteFacetsOptions, type WriteFacetsResult, writeFacets } from './write-facets.ts';
