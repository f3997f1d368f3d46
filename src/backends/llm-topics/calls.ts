/**
 * The requests of the LLM topics, through the same machinery as the facet prompts: the response
 * cache first (keyed by version, model and a hash of the content, so a re-run sends nothing), then
 * the provider under the concurrency limit with retries and backoff on 429/5xx/timeouts, then zod
 * validation with one repair turn. A chat answer that still fails comes back as null (the caller
 * suppresses that cluster); embeddings that fail end the topics with the call's error.
 */
import type { z } from 'zod';
import { requestJson, retried } from '../llm/ask.ts';
import { type CachedAnswer, cacheKey, type ResponseCache } from '../llm/cache.ts';
import type { Limiter } from '../llm/limit.ts';
import type { RetryPolicy } from '../llm/retry.ts';
import { EMBEDDING_VERSION, type TopicPrompt } from './prompts.ts';
import type { LlmTopicsProvider, LlmTopicsStats } from './types.ts';

export interface TopicsContext {
  provider: LlmTopicsProvider;
  cache: ResponseCache;
  limiter: Limiter;
  retry: RetryPolicy;
  stats: LlmTopicsStats;
  signal?: AbortSignal;
}

/** One chat request through the shared flow (src/backends/llm/ask.ts); null when it still fails. */
export async function askJson<T>(
  context: TopicsContext,
  prompt: TopicPrompt,
  content: string,
  schema: z.ZodType<T>,
): Promise<T | null> {
  const { provider, stats } = context;
  const result = await requestJson(
    {
      ...context,
      complete: (request) => provider.complete(request),
      model: provider.model,
      countRequest: () => {
        stats.chat_requests += 1;
      },
    },
    prompt,
    content,
    schema,
    prompt.maxTokens,
  );
  return result.ok ? result.value : null;
}

const isVector = (value: unknown): value is number[] =>
  Array.isArray(value) && value.length > 0 && value.every((x) => typeof x === 'number' && Number.isFinite(x));

/**
 * The embedding of each text (same order), each distinct text asked once and cached on its own, the
 * rest sent in batches. Throws the call's LlmCallError when a batch still fails after its retries,
 * and an Error when the endpoint answers the wrong number of vectors or vectors of different sizes.
 */
export async function embedTexts(context: TopicsContext, texts: readonly string[], batchSize: number): Promise<number[][]> {
  const { provider, cache, stats } = context;
  const vectors = new Map<string, number[]>();
  const missing: string[] = [];
  for (const text of new Set(texts)) {
    const cached = cache.get(cacheKey(EMBEDDING_VERSION, provider.embeddingModel, text));
    if (cached && isVector(cached.answer)) {
      stats.cache_hits += 1;
      vectors.set(text, cached.answer);
    } else missing.push(text);
  }
  const batches: string[][] = [];
  for (let at = 0; at < missing.length; at += Math.max(1, batchSize))
    batches.push(missing.slice(at, at + Math.max(1, batchSize)));
  await Promise.all(
    batches.map(async (batch) => {
      const answer = await retried(context, () => {
        stats.embedding_requests += 1;
        return provider.embed(batch);
      });
      if (!Array.isArray(answer) || answer.length !== batch.length || !answer.every(isVector)) {
        throw new Error(`embeddings: expected ${batch.length} numeric vectors from ${provider.embeddingModel}`);
      }
      stats.embedded_texts += batch.length;
      batch.forEach((text, i) => {
        const vector = answer[i] as number[];
        vectors.set(text, vector);
        const entry: CachedAnswer = {
          promptVersion: EMBEDDING_VERSION,
          model: provider.embeddingModel,
          answer: vector,
          inputTokens: 0,
          outputTokens: 0,
        };
        cache.set(cacheKey(EMBEDDING_VERSION, provider.embeddingModel, text), entry);
      });
    }),
  );
  const result = texts.map((text) => vectors.get(text) as number[]);
  const dimension = result[0]?.length;
  if (result.some((vector) => vector.length !== dimension)) throw new Error('embeddings: vectors of different sizes');
  return result;
}
