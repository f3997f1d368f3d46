/**
 * `--dry-run`: reads the input (with redaction, as a real run would), plans every LLM request and
 * estimates tokens and cost — sending nothing and writing nothing. For the cascade it also runs the
 * screen, so the estimate covers only what would be sent.
 */
import type { FacetBackend } from '../facets/embedded-backend.ts';
import { type IngestOptions, ingest } from '../ingest/ingest.ts';
import type { Conversation } from '../model.ts';
import { costUsd, type ModelPrice, priceOf } from './llm/accounting.ts';
import type { Estimate } from './llm/plan.ts';

export interface DryRunEstimate {
  backend: string;
  model: string;
  conversations: number;
  sent: number;
  share_sent: number | null;
  requests: number;
  input_tokens: number;
  output_tokens: number;
  /** null: the model's price is unknown (give --llm-price). */
  cost_usd: number | null;
  per_100k: { input_tokens: number; output_tokens: number; cost_usd: number | null } | null;
  cascade?: unknown;
}

type Estimating = FacetBackend & {
  readonly model: string;
  estimate(conversation: Conversation): Estimate & { sent?: boolean };
  runSummary(): unknown;
};

export function isEstimating(backend: FacetBackend): backend is Estimating {
  return typeof (backend as Partial<Estimating>).estimate === 'function';
}

export function createEstimator(backend: Estimating, model: string, override?: ModelPrice) {
  const totals = { conversations: 0, sent: 0, requests: 0, input: 0, output: 0 };
  return {
    add(conversation: Conversation) {
      const estimate = backend.estimate(conversation);
      totals.conversations += 1;
      if (estimate.sent !== false) totals.sent += 1;
      totals.requests += estimate.requests;
      totals.input += estimate.inputTokens;
      totals.output += estimate.outputTokens;
    },
    result(): DryRunEstimate {
      const price = priceOf(model, override);
      const n = totals.conversations;
      const per = (value: number) => Math.round((value / n) * 100_000);
      const summary = backend.runSummary() as { cascade?: unknown };
      return {
        backend: backend.id,
        model,
        conversations: n,
        sent: totals.sent,
        share_sent: n === 0 ? null : totals.sent / n,
        requests: totals.requests,
        input_tokens: totals.input,
        output_tokens: totals.output,
        cost_usd: costUsd(price, totals.input, totals.output),
        per_100k:
          n === 0
            ? null
            : {
                input_tokens: per(totals.input),
                output_tokens: per(totals.output),
                cost_usd: costUsd(price, per(totals.input), per(totals.output)),
              },
        ...(summary.cascade ? { cascade: summary.cascade } : {}),
      };
    },
  };
}

export async function dryRun(
  paths: readonly string[],
  backend: FacetBackend,
  options: Omit<IngestOptions, 'skipFile'> & { price?: ModelPrice },
): Promise<DryRunEstimate> {
  if (!isEstimating(backend)) throw new Error(`--dry-run needs an LLM backend (llm, anthropic, cascade), not ${backend.id}`);
  const estimator = createEstimator(backend, backend.model, options.price);
  for await (const event of ingest(paths, options)) if (event.kind === 'conversation') estimator.add(event.conversation);
  return estimator.result();
}
