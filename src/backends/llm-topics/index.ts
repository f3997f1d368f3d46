/**
 * Topics with an LLM (issue 6): embed the summaries the LLM backend wrote for affective conversations,
 * cluster them in two levels, name each cluster contrastively, and let a privacy auditor withhold any
 * name it rates below 4; the k-thresholds still apply. `llmTopicsInput` hands the study's topics
 * section the summaries and the builder (topicsMethod 'llm'); everything else stays offline.
 */
import type { TopicsBuilder } from '../../aggregate/topics-section.ts';
import type { AnalysisRow } from '../../store/store.ts';
import type { ChatClient } from '../llm/types.ts';
import { buildLlmTopics } from './build.ts';
import { emptyTopicsStats, type LlmTopicsProvider } from './types.ts';

export { buildLlmTopics } from './build.ts';
export { AUDIT_PROMPT, NAMING_PROMPT } from './prompts.ts';
export {
  emptyTopicsStats,
  type LlmTopicCluster,
  type LlmTopicDocument,
  type LlmTopicSuppressionReason,
  type LlmTopicsOptions,
  type LlmTopicsProvider,
  type LlmTopicsResult,
  type LlmTopicsStats,
} from './types.ts';

/** Whether a facet backend's records come from an LLM (the LLM backends, the cascade) and so carry summaries. */
export function usesLlm(backend: { id: string }): boolean {
  return backend.id.startsWith('llm:') || backend.id.startsWith('cascade(');
}

/** The summary the LLM backend stored for an affective conversation (`evidence.summary[0]`), if any. */
export function summaryOf(facets: Record<string, unknown>): string | undefined {
  const summary = (facets.evidence as Record<string, unknown> | undefined)?.summary;
  return Array.isArray(summary) && typeof summary[0] === 'string' && summary[0].trim() !== '' ? summary[0] : undefined;
}

/**
 * A provider from clients: `embeddings` (e.g. the OpenAI-compatible client; its endpoint with
 * `embeddingModel`) and `chat` (any ChatClient: names and audits). Its `stats` add up over calls.
 */
export function llmTopicsProvider(
  options: {
    chat: ChatClient;
    embeddings: { embed(texts: string[], model: string): Promise<number[][]> };
    embeddingModel: string;
  } & Omit<LlmTopicsProvider, 'embed' | 'embeddingModel' | 'complete' | 'model'>,
): LlmTopicsProvider & { stats: NonNullable<LlmTopicsProvider['stats']> } {
  const { chat, embeddings, embeddingModel, ...rest } = options;
  return {
    ...rest,
    embed: (texts) => embeddings.embed(texts, embeddingModel),
    embeddingModel,
    complete: (request) => chat.complete(request),
    model: chat.model,
    stats: rest.stats ?? emptyTopicsStats(),
  };
}

/** The topics section's input for topicsMethod 'llm': the rows' summaries and the LLM builder. */
export function llmTopicsInput(rows: readonly AnalysisRow[], provider: LlmTopicsProvider): TopicsBuilder {
  const texts = new Map<string, string>();
  for (const row of rows) {
    const summary = summaryOf(row.facets);
    if (summary !== undefined) texts.set(row.key, summary);
  }
  return {
    topicsMethod: 'llm',
    texts,
    build: (documents, options) =>
      buildLlmTopics(
        documents.map((d) => ({ key: d.key, participant: d.participant, summary: d.text })),
        { ...provider, ...options },
      ),
  };
}
