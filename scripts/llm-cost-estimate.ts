/**
 * The cascade's dry run over a sample of ../shared/datasets conversations: the share the embedded
 * screen sends to the LLM, and the estimated tokens and cost per 100k conversations for a named model
 * (cascade vs. every conversation to the LLM), next to Clio's published $48.81 per 100k.
 * Nothing is sent: the token counts are the chars/4 (CJK: 1/char) estimate of the exact requests.
 *
 *   node --import tsx scripts/llm-cost-estimate.ts [--model gpt-4o-mini] [--audit-rate 0.02] [paths…]
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createCascadeBackend } from '../src/backends/cascade/index.ts';
import { createEstimator } from '../src/backends/dry-run.ts';
import { costUsd, PRICE_TABLE, priceOf } from '../src/backends/llm/accounting.ts';
import { createMemoryCache } from '../src/backends/llm/cache.ts';
import { createOpenAICompatibleBackend } from '../src/backends/openai-compatible/index.ts';
import { createEmbeddedBackend } from '../src/facets/embedded-backend.ts';
import { ingest } from '../src/ingest/ingest.ts';
import { sharedPath } from '../src/testing/shared-datasets.ts';

const CLIO_USD_PER_100K = 48.81;
const DEFAULT_SAMPLE = [
  'silver-labels/conversations.jsonl',
  'export-format-samples/chatgpt-real-export-pkuppens/conversations.json',
  'hh-rlhf-harmless/harmless-base_test_dev.jsonl',
];

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { model: { type: 'string', default: 'gpt-4o-mini' }, 'audit-rate': { type: 'string', default: '0.02' } },
});
const model = values.model as string;
const paths = positionals.length > 0 ? positionals : DEFAULT_SAMPLE.map(sharedPath);

const llm = createOpenAICompatibleBackend({ apiKey: 'none', model, cache: createMemoryCache() }); // never called
const cascade = createCascadeBackend({
  screen: await createEmbeddedBackend(),
  llm,
  auditRate: Number(values['audit-rate']),
  seed: 1,
});
const cascadeEstimate = createEstimator(cascade, model);
const allEstimate = createEstimator({ ...llm, estimate: llm.estimate, runSummary: () => ({}) }, model);

for await (const event of ingest(paths, { participantKey: randomBytes(32) })) {
  if (event.kind !== 'conversation') continue;
  cascadeEstimate.add(event.conversation);
  allEstimate.add(event.conversation);
}
const viaCascade = cascadeEstimate.result();
const everything = allEstimate.result();
const per100k = (tokens: { input_tokens: number; output_tokens: number }, name: string) =>
  costUsd(priceOf(name), tokens.input_tokens, tokens.output_tokens);
const dollars = (value: number | null) => (value === null ? 'n/a (unknown price)' : `$${value.toFixed(2)}`);

const routes = (viaCascade.cascade as { routes: Record<string, number> }).routes;
console.log(`sample: ${viaCascade.conversations} conversations from ${paths.length} files`);
console.log(
  `cascade sends ${viaCascade.sent} (${((viaCascade.share_sent ?? 0) * 100).toFixed(1)}%) to the LLM: ` +
    `${routes.affective} screened affective, ${routes.uncertain} uncertain, ${routes.audit} audit sample`,
);
console.log(`\nper 100k conversations, model ${model}:`);
console.log(
  `  cascade:  ${viaCascade.per_100k?.input_tokens.toLocaleString('en')} input + ${viaCascade.per_100k?.output_tokens.toLocaleString('en')} output tokens → ${dollars(viaCascade.per_100k?.cost_usd ?? null)}`,
);
console.log(
  `  all-LLM:  ${everything.per_100k?.input_tokens.toLocaleString('en')} input + ${everything.per_100k?.output_tokens.toLocaleString('en')} output tokens → ${dollars(everything.per_100k?.cost_usd ?? null)}`,
);
console.log(`  Clio (published): $${CLIO_USD_PER_100K.toFixed(2)}`);
console.log('\nsame tokens, other models (cascade / all-LLM per 100k):');
for (const name of Object.keys(PRICE_TABLE)) {
  if (!viaCascade.per_100k || !everything.per_100k) break;
  console.log(
    `  ${name.padEnd(18)} ${dollars(per100k(viaCascade.per_100k, name)).padStart(9)} / ${dollars(per100k(everything.per_100k, name))}`,
  );
}
