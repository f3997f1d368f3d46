/**
 * Token and cost accounting of one run, and the price table behind it. Prices are US dollars per
 * million tokens (list prices of the providers' standard tiers, checked 2025); a model the table
 * does not know is accounted in tokens only, and `--llm-price IN,OUT` overrides the table.
 */

export interface ModelPrice {
  inputPerMillion: number;
  outputPerMillion: number;
}

/** Model-name prefixes, longest first wins. */
export const PRICE_TABLE: Readonly<Record<string, ModelPrice>> = {
  'gpt-4o-mini': { inputPerMillion: 0.15, outputPerMillion: 0.6 },
  'gpt-4o': { inputPerMillion: 2.5, outputPerMillion: 10 },
  'gpt-4.1-nano': { inputPerMillion: 0.1, outputPerMillion: 0.4 },
  'gpt-4.1-mini': { inputPerMillion: 0.4, outputPerMillion: 1.6 },
  'gpt-4.1': { inputPerMillion: 2, outputPerMillion: 8 },
  'gpt-5-nano': { inputPerMillion: 0.05, outputPerMillion: 0.4 },
  'gpt-5-mini': { inputPerMillion: 0.25, outputPerMillion: 2 },
  'claude-3-haiku': { inputPerMillion: 0.25, outputPerMillion: 1.25 },
  'claude-3-5-haiku': { inputPerMillion: 0.8, outputPerMillion: 4 },
  'claude-haiku-4-5': { inputPerMillion: 1, outputPerMillion: 5 },
  'claude-sonnet-4': { inputPerMillion: 3, outputPerMillion: 15 },
  'claude-3-7-sonnet': { inputPerMillion: 3, outputPerMillion: 15 },
  'claude-opus-4': { inputPerMillion: 15, outputPerMillion: 75 },
};

export function priceOf(model: string, override?: ModelPrice): ModelPrice | undefined {
  if (override) return override;
  const name = model.toLowerCase().replace(/^.*\//, '');
  const prefix = Object.keys(PRICE_TABLE)
    .filter((key) => name.startsWith(key))
    .sort((a, b) => b.length - a.length)[0];
  return prefix ? PRICE_TABLE[prefix] : undefined;
}

export function costUsd(price: ModelPrice | undefined, inputTokens: number, outputTokens: number): number | null {
  if (!price) return null;
  return (inputTokens * price.inputPerMillion + outputTokens * price.outputPerMillion) / 1e6;
}

/** What one LLM backend did in this process (the run summary's `llm` section). */
export interface LlmRunStats {
  model: string;
  conversations: number;
  labelled: number;
  failed: number;
  /** failure reason → conversations */
  failures: Record<string, number>;
  requests: number;
  cache_hits: number;
  /** retry reason (http-429, http-500, timeout, network) → retries */
  retries: Record<string, number>;
  /** answers that failed validation and got a repair turn */
  repairs: number;
  truncated: number;
  input_tokens: number;
  output_tokens: number;
  /** null: the model is not in the price table and no --llm-price was given */
  cost_usd: number | null;
}

export function emptyStats(model: string): LlmRunStats {
  return {
    model,
    conversations: 0,
    labelled: 0,
    failed: 0,
    failures: {},
    requests: 0,
    cache_hits: 0,
    retries: {},
    repairs: 0,
    truncated: 0,
    input_tokens: 0,
    output_tokens: 0,
    cost_usd: null,
  };
}

export function bump(counts: Record<string, number>, key: string, by = 1): void {
  counts[key] = (counts[key] ?? 0) + by;
}
