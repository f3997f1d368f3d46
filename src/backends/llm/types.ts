/**
 * The provider seam of the LLM backends: a chat client that answers one request with text and token
 * usage, and one error type that says whether a failed call is worth retrying. The OpenAI-compatible
 * and Anthropic providers adapt their official SDKs to it; everything else (prompts, validation,
 * repair, retries, cache, accounting) is shared.
 */

export interface ChatTurn {
  role: 'user' | 'assistant';
  content: string;
}

export interface ChatRequest {
  system: string;
  turns: ChatTurn[];
  maxTokens: number;
  signal?: AbortSignal;
}

export interface ChatResponse {
  text: string;
  inputTokens: number;
  outputTokens: number;
}

export interface ChatClient {
  /** 'openai-compatible' | 'anthropic' */
  readonly provider: string;
  readonly model: string;
  complete(request: ChatRequest): Promise<ChatResponse>;
}

export type CallErrorKind = 'rate-limit' | 'server' | 'timeout' | 'network' | 'client' | 'aborted';

/** A failed provider call. Its message is the SDK's status line, never request text. */
export class LlmCallError extends Error {
  constructor(
    readonly kind: CallErrorKind,
    message: string,
    readonly status?: number,
    /** From a Retry-After (or retry-after-ms) header, when the server sent one. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'LlmCallError';
  }

  get retryable(): boolean {
    return this.kind === 'rate-limit' || this.kind === 'server' || this.kind === 'timeout' || this.kind === 'network';
  }

  /** The short reason recorded on a failed conversation, e.g. "http-429", "timeout". */
  get reason(): string {
    return this.status ? `http-${this.status}` : this.kind;
  }
}

/** Milliseconds from `retry-after-ms` or `retry-after` (seconds or an HTTP date); undefined when absent. */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const ms = Number(headers.get('retry-after-ms'));
  if (headers.get('retry-after-ms') !== null && Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers.get('retry-after');
  if (value === null) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The error kind of an HTTP status (for the SDK adapters). */
export function kindOfStatus(status: number): CallErrorKind {
  if (status === 429) return 'rate-limit';
  if (status === 408) return 'timeout';
  if (status >= 500) return 'server';
  return 'client';
}
