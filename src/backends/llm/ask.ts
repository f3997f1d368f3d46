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

/** Counters both the facet run and the topics keep; `countRequest` names the request counter. */
export interface RequestCounters {
  cache_hits: number;
  repairs: number;
  retries: Record<string, number>;
  input_tokens: number;
  output_tokens: number;
}

export interface JsonRequestContext {
  complete: ChatClient['complete'];
  model: string;
  cache: ResponseCache;
  limiter: Limiter;
  retry: RetryPolicy;
  stats: RequestCounters;
  countRequest: () => void;
  signal?: AbortSignal;
}

/** Runs `call` under the concurrency limit with retries (each retry counted by reason). */
export function retried<T>(
  context: Pick<JsonRequestContext, 'limiter' | 'retry' | 'signal'> & { stats: Pick<RequestCounters, 'retries'> },
  call: () => Promise<T>,
): Promise<T> {
  const { signal } = context;
  return context.limiter.run(() =>
    withRetries(
      async () => {
        if (signal?.aborted) throw signal.reason;
        return call();
      },
      context.retry,
      (error) => bump(context.stats.retries, error.reason),
      signal,
    ),
  );
}

/**
 * The shared flow: cache, call, validate, one repair turn, cache the valid answer. A call that fails
 * after its retries, or an answer still invalid after the repair, comes back as `{ ok: false, reason }`.
 */
export async function requestJson<T>(
  context: JsonRequestContext,
  prompt: { id: string; version: string; system: string },
  content: string,
  schema: z.ZodType<T>,
  maxTokens: number,
): Promise<{ ok: true; value: T } | { ok: false; reason: string }> {
  const { cache, stats, signal } = context;
  const key = cacheKey(prompt.version, context.model, content);
  const cached = cache.get(key);
  if (cached) {
    const parsed = schema.safeParse(cached.answer);
    if (parsed.success) {
      stats.cache_hits += 1;
      return { ok: true, value: parsed.data };
    }
  }
  const call = (turns: ChatTurn[]) =>
    retried(context, async () => {
      context.countRequest();
      const response = await context.complete({ system: prompt.system, turns, maxTokens, ...(signal ? { signal } : {}) });
      stats.input_tokens += response.inputTokens;
      stats.output_tokens += response.outputTokens;
      return response;
    });
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
    if (!checked.ok) return { ok: false, reason: `invalid-output: ${prompt.id} ${checked.paths}` };
    cache.set(key, {
      promptVersion: prompt.version,
      model: context.model,
      answer: checked.json,
      inputTokens: response.inputTokens,
      outputTokens: response.outputTokens,
    });
    return { ok: true, value: checked.value };
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (error instanceof LlmCallError) return { ok: false, reason: error.reason };
    throw error;
  }
}

/** A facet prompt group's request: a failure ends in a FacetFailure with the reason. */
export async function ask<T>(
  context: AskContext,
  prompt: PromptGroup,
  content: string,
  schema: z.ZodType<T>,
  maxTokens: number,
): Promise<T> {
  const { client, stats } = context;
  const result = await requestJson(
    {
      ...context,
      complete: (request) => client.complete(request),
      model: client.model,
      countRequest: () => {
        stats.requests += 1;
      },
    },
    prompt,
    content,
    schema,
    maxTokens,
  );
  if (!result.ok) throw new FacetFailure(result.reason);
  return result.value;
}
