/**
 * Maps the errors of the official SDKs (openai, @anthropic-ai/sdk — the same generated error
 * classes) onto LlmCallError, which the retry loop and the failure reasons understand. The SDKs'
 * own retries are off (maxRetries: 0): retrying happens once, in retry.ts, with the run's policy.
 */
import { kindOfStatus, LlmCallError, retryAfterMs } from './types.ts';

export interface SdkErrorClasses {
  APIError: abstract new (...args: never[]) => { status?: number | undefined; headers?: Headers | undefined };
  APIUserAbortError: abstract new (...args: never[]) => unknown;
  APIConnectionError: abstract new (...args: never[]) => unknown;
  APIConnectionTimeoutError: abstract new (...args: never[]) => unknown;
}

export function toCallError(error: unknown, classes: SdkErrorClasses): unknown {
  if (error instanceof LlmCallError) return error;
  if (error instanceof classes.APIUserAbortError) return new LlmCallError('aborted', 'request aborted');
  if (error instanceof classes.APIConnectionTimeoutError) return new LlmCallError('timeout', 'request timed out');
  if (error instanceof classes.APIConnectionError) return new LlmCallError('network', 'connection error');
  if (error instanceof classes.APIError && typeof error.status === 'number') {
    return new LlmCallError(kindOfStatus(error.status), `HTTP ${error.status}`, error.status, retryAfterMs(error.headers));
  }
  if (error instanceof Error && error.name === 'AbortError') return new LlmCallError('aborted', 'request aborted');
  // A body the SDK could not read (not JSON, cut off): the server misbehaved; ask again.
  if (error instanceof SyntaxError || error instanceof TypeError) return new LlmCallError('server', 'unreadable response');
  return error;
}
