/**
 * One prompt-group request: the cache first, then the provider (bounded concurrency, retries with
 * backoff), then validation; an answer that fails validation gets one repair turn quoting the error,
 * and a second failure — or a call that still fails after its retries — ends in a FacetFailure.
 */
import type { z } from 'zod';
import { FacetFailure } from '../../facets/facet.ts';
import { bump, type LlmRunStats } from './accounting.ts';
import { cacheKey, type ResponseCache } from './cache.ts';
import type { Limiter } from './limit.ts';
import { type PromptGroup, repairMessage } from './prompts.ts';
import { type RetryPolicy, withRetries } from './retry.ts';
import { describeIssues, extractJson } from './schemas.ts';
import { type ChatClient, type ChatTurn, LlmCallError } from './types.ts';

export interface AskContext {
  client: ChatClient;
  cache: ResponseCache;
  limiter: Limiter;
  retry: RetryPolicy;
  stats: LlmRunStats;
  signal?: AbortSignal;
}

type Checked<T> = { ok: true; value: T; json: unknown } | { ok: false; error: string; paths: string };

function check<T>(schema: z.ZodType<T>, text: string): Checked<T> {
  let json: unknown;
  try {
    json = extractJson(text);
  } catch (error) {
    return { ok: false, error: `not a JSON object (${(error as Error).name})`, paths: 'not-json' };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data, json };
  const issues = describeIssues(parsed.error);
  return { ok: false, error: issues, paths: parsed.error.issues.map((issue) => issue.path.join('.') || 'root').join(',') };
}

export async function ask<T>(
  context: AskContext,
  prompt: PromptGroup,
  content: string,
  schema: z.ZodType<T>,
  maxTokens: number,
): Promise<T> {
  const { client, cache, stats, signal } = context;
  const key = cacheKey(prompt.version, client.model, content);
  const cached = cache.get(key);
  if (cached) {
    const parsed = schema.safeParse(cached.answer);
    if (parsed.success) {
      stats.cache_hits += 1;
      return parsed.data;
    }
  }
  const call = (turns: ChatTurn[]) =>
    context.limiter.run(() =>
      withRetries(
        async () => {
          if (signal?.aborted) throw signal.reason;
          stats.requests += 1;
          const response = await client.complete({ system: prompt.system, turns, maxTokens, ...(signal ? { signal } : {}) });
          stats.input_tokens += response.inputTokens;
          stats.output_tokens += response.outputTokens;
          return response;
        },
        context.retry,
        (error) => bump(stats.retries, error.reason),
        signal,
      ),
    );
  try {
    const turns: ChatTurn[] = [{ role: 'user', content }];
    let response = await call(turns);
    let checked = check(schema, response.text);
    if (!checked.ok) {
      stats.repairs += 1;
      turns.push({ role: 'assistant', content: response.text }, { role: 'user', content: repairMessage(checked.error) });
      response = await call(turns);
      checked = check(schema, response.text);
    }
    if (!checked.ok) throw new FacetFailure(`invalid-output: ${prompt.id} ${checked.paths}`);
    cache.set(key, {
      promptVersion: prompt.version,
      model: client.model,
      answer: checked.json,
      inputTokens: response.inputTokens,
      outputTokens: response.outputTokens,
    });
    return checked.value;
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (error instanceof LlmCallError) throw new FacetFailure(error.reason);
    throw error;
  }
}
