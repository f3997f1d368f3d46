/**
 * Any OpenAI-compatible chat endpoint — OpenAI, vLLM, Ollama, llama.cpp server, LM Studio — through
 * the official `openai` SDK: chat.completions with `response_format: { type: 'json_object' }`, and
 * the embeddings endpoint (with `encoding_format: 'float'`: the SDK's default base64 is not decoded
 * by every compatible server).
 */
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { createLlmBackend, type LlmBackend, type LlmBackendOptions } from '../llm/backend.ts';
import { toCallError } from '../llm/sdk-errors.ts';
import { type ChatClient, LlmCallError } from '../llm/types.ts';

const ERRORS = { APIError, APIUserAbortError, APIConnectionError, APIConnectionTimeoutError };

export interface OpenAICompatibleOptions extends Omit<LlmBackendOptions, 'client'> {
  /** e.g. http://localhost:11434/v1 (Ollama), http://localhost:8000/v1 (vLLM); default: OpenAI. */
  baseURL?: string;
  apiKey: string;
  model: string;
  fetch?: typeof fetch;
  /** Per-request timeout (default 120 s). */
  timeoutMs?: number;
  /** Sampling temperature (default 0); null leaves it out (models that accept only their default). */
  temperature?: number | null;
}

export interface OpenAICompatibleClient extends ChatClient {
  embed(texts: string[], model: string): Promise<number[][]>;
}

export function createOpenAICompatibleClient(options: OpenAICompatibleOptions): OpenAICompatibleClient {
  const sdk = new OpenAI({
    apiKey: options.apiKey,
    maxRetries: 0,
    timeout: options.timeoutMs ?? 120_000,
    ...(options.baseURL ? { baseURL: options.baseURL } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const temperature = options.temperature === undefined ? 0 : options.temperature;
  return {
    provider: 'openai-compatible',
    model: options.model,
    async complete(request) {
      try {
        const response = await sdk.chat.completions.create(
          {
            model: options.model,
            messages: [{ role: 'system', content: request.system }, ...request.turns],
            response_format: { type: 'json_object' },
            max_tokens: request.maxTokens,
            ...(temperature === null ? {} : { temperature }),
          },
          request.signal ? { signal: request.signal } : {},
        );
        const text = response.choices?.[0]?.message?.content;
        if (typeof text !== 'string') throw new LlmCallError('server', 'answer without content');
        return {
          text,
          inputTokens: response.usage?.prompt_tokens ?? 0,
          outputTokens: response.usage?.completion_tokens ?? 0,
        };
      } catch (error) {
        throw toCallError(error, ERRORS);
      }
    },
    async embed(texts, model) {
      try {
        const response = await sdk.embeddings.create({ model, input: texts, encoding_format: 'float' });
        return response.data.sort((a, b) => a.index - b.index).map((row) => row.embedding);
      } catch (error) {
        throw toCallError(error, ERRORS);
      }
    },
  };
}

export function createOpenAICompatibleBackend(options: OpenAICompatibleOptions): LlmBackend {
  return createLlmBackend({ ...options, client: createOpenAICompatibleClient(options) });
}
