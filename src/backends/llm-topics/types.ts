/**
 * The LLM topics API: what goes in (one privacy-instructed summary per affective conversation, as
 * the LLM backend stored it in the record's `evidence.summary`), the provider it talks to (an
 * embeddings endpoint and a chat model) and what comes out — the clusters of the offline topics
 * (TopicCluster), each with the reason it is suppressed, plus `method: 'llm'`.
 */
import type { TopicCluster } from '../../topics/types.ts';
import type { ResponseCache } from '../llm/cache.ts';
import type { RetryPolicy } from '../llm/retry.ts';
import type { ChatRequest, ChatResponse } from '../llm/types.ts';

export interface LlmTopicDocument {
  /** The conversation's key (unique). */
  key: string;
  /** The pseudonymous participant. */
  participant: string;
  /** The conversation's summary (≤ 2 sentences, no names): the only text that leaves. */
  summary: string;
}

/** The model side of the LLM topics: embeddings and chat, with the names their answers are cached under. */
export interface LlmTopicsProvider {
  /** One vector per text, in order (e.g. the OpenAI-compatible client's `embed` with the model bound). */
  embed(texts: string[]): Promise<number[][]>;
  embeddingModel: string;
  /** One chat request (a ChatClient's `complete`): naming and the privacy audit. */
  complete(request: ChatRequest): Promise<ChatResponse>;
  /** The chat model (part of the cache key). */
  model: string;
  /** Default: the directory cache under .affectlens-cache/llm (shared with the facet prompts). */
  cache?: ResponseCache;
  /** Requests in flight at most (default 4). */
  concurrency?: number;
  retry?: Partial<RetryPolicy>;
  signal?: AbortSignal;
  /** Counters to add to (so several calls, e.g. one per affective type, share one account). */
  stats?: LlmTopicsStats;
}

export interface LlmTopicsOptions extends LlmTopicsProvider {
  /** A cluster (and so a label) needs at least this many distinct participants. */
  kUsers: number;
  /** A cluster needs at least this many conversations. */
  kConversations: number;
  /** Seed of k-means++ and of the fitting sample (default 1). */
  seed?: number;
  /** Upper bound on top-level clusters (default 20); the number used is chosen from the data size. */
  topLevelClusters?: number;
  /** Upper bound on sub-clusters inside one top-level cluster (default 5). */
  subClusters?: number;
  /** Summaries shown from inside a cluster, and from the nearest other one, when naming it (default 6). */
  samples?: number;
  /** Lowest auditor rating (1–5) a label may have and be published (default 4). */
  minAuditRating?: number;
  /** Texts per embeddings request (default 64). */
  embedBatch?: number;
}

/**
 * below-threshold: under kUsers participants or kConversations conversations. complementary: hidden so
 * that a suppressed sibling cannot be recovered by subtraction. privacy-audit: the auditor rated the
 * label below minAuditRating (or could not rate it). naming-failed: no valid name after retries and a repair.
 */
export type LlmTopicSuppressionReason = 'below-threshold' | 'complementary' | 'privacy-audit' | 'naming-failed';

export interface LlmTopicCluster extends TopicCluster {
  /** The label is one short name: `[name]`; empty when suppressed. */
  label: string[];
  suppressionReason?: LlmTopicSuppressionReason;
  children: LlmTopicCluster[];
}

export interface LlmTopicsStats {
  embedding_requests: number;
  embedded_texts: number;
  chat_requests: number;
  /** Embeddings and answers served by the cache. */
  cache_hits: number;
  /** retry reason (http-429, http-500, timeout, network) → retries */
  retries: Record<string, number>;
  /** answers that failed validation and got a repair turn */
  repairs: number;
  input_tokens: number;
  output_tokens: number;
  /** Clusters named, and those whose naming failed. */
  named: number;
  naming_failed: number;
  /** Labels rated by the auditor, and those withheld (rated below minAuditRating or not rated). */
  audited: number;
  audit_withheld: number;
}

export function emptyTopicsStats(): LlmTopicsStats {
  return {
    embedding_requests: 0,
    embedded_texts: 0,
    chat_requests: 0,
    cache_hits: 0,
    retries: {},
    repairs: 0,
    input_tokens: 0,
    output_tokens: 0,
    named: 0,
    naming_failed: 0,
    audited: 0,
    audit_withheld: 0,
  };
}

export interface LlmTopicsResult {
  method: 'llm';
  clusters: LlmTopicCluster[];
  /** Documents with a usable (non-zero) embedding. */
  documentsUsed: number;
  /** Documents with an empty summary or a zero embedding. */
  unassigned: number;
  /** How the clusters were made, in one line (for the report's methods). */
  description: string;
  stats: LlmTopicsStats;
}
