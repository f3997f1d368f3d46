/**
 * The backend options of `affectlens facets` and `analyze`, and the backend they name. Keys come
 * from the environment only (AFFECTLENS_LLM_API_KEY, else OPENAI_API_KEY / ANTHROPIC_API_KEY), never
 * from the command line, so they stay out of shell history and process lists.
 */
import type { Command } from 'commander';
import { ConfigError } from '../errors.ts';
import type { FacetBackend } from '../facets/embedded-backend.ts';
import type { IngestOptions } from '../ingest/ingest.ts';
import type { LlmBackend } from './llm/backend.ts';
import { createDirectoryCache, DEFAULT_CACHE_DIR } from './llm/cache.ts';

// The providers and models load only when a command asks for them (the CLI starts fast).
const embedded = async () => (await import('../facets/embedded-backend.ts')).createEmbeddedBackend();

export const BACKENDS = ['embedded', 'llm', 'anthropic', 'cascade'] as const;

export interface BackendFlags {
  backend?: string;
  llmBaseUrl?: string;
  llmModel?: string;
  llmProvider?: string;
  llmConcurrency?: string;
  llmCache?: string;
  llmPrice?: string;
  auditRate?: string;
  seed?: string;
  dryRun?: boolean;
  llmEmbeddingModel?: string;
}

export function addBackendOptions(command: Command): Command {
  return command
    .option('--backend <backend>', `facet backend: ${BACKENDS.join(' | ')}`, 'embedded')
    .option('--llm-base-url <url>', 'OpenAI-compatible endpoint, e.g. http://localhost:11434/v1 (key from env)')
    .option('--llm-model <name>', 'model name (llm: required; anthropic: default claude-haiku-4-5)')
    .option('--llm-provider <provider>', 'the LLM of the cascade: openai | anthropic', 'openai')
    .option('--llm-concurrency <n>', 'LLM requests in flight at most', '4')
    .option('--llm-cache <dir>', 'response cache folder', DEFAULT_CACHE_DIR)
    .option('--llm-price <in,out>', 'USD per million input,output tokens (overrides the price table)')
    .option('--llm-embedding-model <name>', 'analyze with llm/cascade: name topics with the LLM over embeddings of summaries')
    .option('--audit-rate <rate>', 'cascade: share of screened-out conversations audited by the LLM', '0.02')
    .option('--dry-run', 'estimate LLM requests, tokens and cost; send nothing, write nothing');
}

function number(name: string, text: string, check: (value: number) => boolean): number {
  const value = Number(text);
  if (!Number.isFinite(value) || !check(value)) throw new ConfigError(`${name}: invalid value "${text}"`);
  return value;
}

export function priceFromFlags(text: string | undefined) {
  if (text === undefined) return undefined;
  const [input, output] = text.split(',').map((part) => number('--llm-price', part, (v) => v >= 0));
  if (input === undefined || output === undefined) throw new ConfigError('--llm-price takes IN,OUT (USD per million tokens)');
  return { inputPerMillion: input, outputPerMillion: output };
}

export interface BackendExtras {
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

async function llmBackend(provider: 'openai' | 'anthropic', flags: BackendFlags, extras: BackendExtras): Promise<LlmBackend> {
  const env = extras.env ?? process.env;
  const concurrency = number('--llm-concurrency', flags.llmConcurrency ?? '4', (v) => Number.isInteger(v) && v >= 1);
  const common = {
    concurrency,
    cache: createDirectoryCache(flags.llmCache ?? DEFAULT_CACHE_DIR),
    ...(priceFromFlags(flags.llmPrice) ? { price: priceFromFlags(flags.llmPrice) } : {}),
    ...(extras.signal ? { signal: extras.signal } : {}),
    ...(extras.fetch ? { fetch: extras.fetch } : {}),
    ...(flags.llmBaseUrl ? { baseURL: flags.llmBaseUrl } : {}),
  };
  if (provider === 'anthropic') {
    const apiKey = env.AFFECTLENS_LLM_API_KEY || env.ANTHROPIC_API_KEY;
    if (!apiKey && !flags.dryRun)
      throw new ConfigError('no API key', { hint: 'set ANTHROPIC_API_KEY or AFFECTLENS_LLM_API_KEY' });
    const { createAnthropicBackend, DEFAULT_ANTHROPIC_MODEL } = await import('./anthropic/index.ts');
    return createAnthropicBackend({ ...common, apiKey: apiKey || 'none', model: flags.llmModel ?? DEFAULT_ANTHROPIC_MODEL });
  }
  if (!flags.llmModel) throw new ConfigError('--llm-model is required for an OpenAI-compatible backend');
  const apiKey = env.AFFECTLENS_LLM_API_KEY || env.OPENAI_API_KEY;
  // Local servers (vLLM, Ollama, llama.cpp) usually take any key.
  if (!apiKey && !flags.llmBaseUrl && !flags.dryRun) {
    throw new ConfigError('no API key', { hint: 'set OPENAI_API_KEY or AFFECTLENS_LLM_API_KEY, or give --llm-base-url' });
  }
  const { createOpenAICompatibleBackend } = await import('./openai-compatible/index.ts');
  return createOpenAICompatibleBackend({ ...common, apiKey: apiKey || 'none', model: flags.llmModel });
}

export async function createBackendFromOptions(flags: BackendFlags, extras: BackendExtras = {}): Promise<FacetBackend> {
  const name = flags.backend ?? 'embedded';
  if (name === 'embedded') return embedded();
  if (name === 'llm') return llmBackend('openai', flags, extras);
  if (name === 'anthropic') return llmBackend('anthropic', flags, extras);
  if (name === 'cascade') {
    const provider = flags.llmProvider ?? 'openai';
    if (provider !== 'openai' && provider !== 'anthropic') throw new ConfigError(`--llm-provider: unknown "${provider}"`);
    const { createCascadeBackend } = await import('./cascade/index.ts');
    return createCascadeBackend({
      screen: await embedded(),
      llm: await llmBackend(provider, flags, extras),
      auditRate: number('--audit-rate', flags.auditRate ?? '0.02', (v) => v >= 0 && v <= 1),
      seed: number('--seed', flags.seed ?? '1', Number.isInteger),
    });
  }
  throw new ConfigError(`unknown backend: ${name}`, { hint: `one of ${BACKENDS.join(', ')}` });
}

/** `--dry-run`: the estimate as JSON on stdout; nothing is sent or written. */
export async function printDryRun(
  paths: readonly string[],
  backend: FacetBackend,
  flags: BackendFlags,
  options: Omit<IngestOptions, 'skipFile'>,
): Promise<void> {
  const { dryRun } = await import('./dry-run.ts');
  const override = priceFromFlags(flags.llmPrice);
  const estimate = await dryRun(paths, backend, { ...options, ...(override ? { price: override } : {}) });
  process.stdout.write(`${JSON.stringify({ dry_run: true, ...estimate }, null, 2)}\n`);
}

/**
 * LLM topics for `analyze`: only with an OpenAI-compatible endpoint (Anthropic has no embeddings
 * endpoint) and an embedding model; otherwise the study uses the offline topics.
 */
export async function createLlmTopicsFromOptions(flags: BackendFlags, extras: BackendExtras = {}) {
  const backend = flags.backend ?? 'embedded';
  const openaiLlm = backend === 'llm' || (backend === 'cascade' && (flags.llmProvider ?? 'openai') === 'openai');
  if (!flags.llmEmbeddingModel || !openaiLlm || !flags.llmModel) return undefined;
  const env = extras.env ?? process.env;
  const { createOpenAICompatibleClient } = await import('./openai-compatible/index.ts');
  const { llmTopicsProvider } = await import('./llm-topics/index.ts');
  const client = createOpenAICompatibleClient({
    apiKey: env.AFFECTLENS_LLM_API_KEY || env.OPENAI_API_KEY || 'none',
    model: flags.llmModel,
    ...(flags.llmBaseUrl ? { baseURL: flags.llmBaseUrl } : {}),
    ...(extras.fetch ? { fetch: extras.fetch } : {}),
  });
  return llmTopicsProvider({
    chat: client,
    embeddings: client,
    embeddingModel: flags.llmEmbeddingModel,
    cache: createDirectoryCache(flags.llmCache ?? DEFAULT_CACHE_DIR),
  });
}
