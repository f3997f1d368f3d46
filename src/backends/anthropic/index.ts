/**
 * The Anthropic Messages API through the official `@anthropic-ai/sdk` (messages.create). There is no
 * JSON mode: the system prompt asks for one JSON object, and the shared validation + repair turn
 * handles the rest.
 */
import Anthropic, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import { createLlmBackend, type LlmBackend, type LlmBackendOptions } from '../llm/backend.ts';
import { toCallError } from '../llm/sdk-errors.ts';
import { type ChatClient, LlmCallError } from '../llm/types.ts';

const ERRORS = { APIError, APIUserAbortError, APIConnectionError, APIConnectionTimeoutError };

export const DEFAULT_ANTHROPIC_MODEL = 'claude-haiku-4-5';

export interface AnthropicOptions extends Omit<LlmBackendOptions, 'client'> {
  /** Default: https://api.anthropic.com (the SDK appends /v1/messages). */
  baseURL?: string;
  apiKey: string;
  model?: string;
  fetch?: typeof fetch;
  /** Per-request timeout (default 120 s). */
  timeoutMs?: number;
}

export function createAnthropicClient(options: AnthropicOptions): ChatClient {
  const model = options.model ?? DEFAULT_ANTHROPIC_MODEL;
  const sdk = new Anthropic({
    apiKey: options.apiKey,
    maxRetries: 0,
    timeout: options.timeoutMs ?? 120_000,
    ...(options.baseURL ? { baseURL: options.baseURL } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return {
    provider: 'anthropic',
    model,
    async complete(request) {
      try {
        const response = await sdk.messages.create(
          { model, system: request.system, messages: request.turns, max_tokens: request.maxTokens },
          request.signal ? { signal: request.signal } : {},
        );
        const text = (response.content ?? []).map((block) => (block.type === 'text' ? block.text : '')).join('');
        if (text === '') throw new LlmCallError('server', 'answer without text');
        return { text, inputTokens: response.usage?.input_tokens ?? 0, outputTokens: response.usage?.output_tokens ?? 0 };
      } catch (error) {
        throw toCallError(error, ERRORS);
      }
    },
  };
}

export function createAnthropicBackend(options: AnthropicOptions): LlmBackend {
  return createLlmBackend({ ...options, client: createAnthropicClient(options) });
}
