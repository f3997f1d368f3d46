/**
 * Retries of one provider call on 429, 5xx, timeouts and dropped connections: exponential backoff
 * (base · 2^attempt, capped) with jitter (a uniform draw in [½, 1] of it, so that parallel callers
 * spread out), and never sooner than the server's Retry-After. Client errors (400, 401, …) and
 * aborts are not retried.
 */
import { LlmCallError } from './types.ts';

export interface RetryPolicy {
  /** Retries after the first attempt (default 4). */
  maxRetries: number;
  /** Delay before the first retry (default 1000 ms). */
  baseDelayMs: number;
  /** Cap of the backoff delay (default 30 s). */
  maxDelayMs: number;
  /** Cap of a server's Retry-After (default 120 s). */
  maxRetryAfterMs: number;
  /** Uniform [0, 1) source of the jitter (default Math.random). */
  random: () => number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 4,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
  random: Math.random,
};

export function backoffDelay(policy: RetryPolicy, attempt: number, error: LlmCallError): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  const jittered = exponential * (0.5 + policy.random() / 2);
  const serverAsked = error.retryAfterMs === undefined ? 0 : Math.min(policy.maxRetryAfterMs, error.retryAfterMs);
  return Math.max(jittered, serverAsked);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export async function withRetries<T>(
  call: () => Promise<T>,
  policy: RetryPolicy,
  onRetry: (error: LlmCallError) => void,
  signal?: AbortSignal,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof LlmCallError) || !error.retryable || attempt >= policy.maxRetries || signal?.aborted) throw error;
      onRetry(error);
      await sleep(backoffDelay(policy, attempt, error), signal);
    }
  }
}
