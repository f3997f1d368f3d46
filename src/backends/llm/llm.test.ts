import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FacetFailure } from '../../facets/facet.ts';
import { redactedConversation } from '../testing/conversations.ts';
import { fakeAnswer } from '../testing/fake-labeller.ts';
import { priceOf } from './accounting.ts';
import { createLlmBackend } from './backend.ts';
import { createMemoryCache } from './cache.ts';
import { plan } from './plan.ts';
import { CONVERSATION_PROMPT, PROMPTS } from './prompts.ts';
import { DEFAULT_RENDER } from './render.ts';
import { backoffDelay, DEFAULT_RETRY_POLICY } from './retry.ts';
import { estimateTokens } from './tokens.ts';
import { type ChatClient, type ChatRequest, LlmCallError, retryAfterMs } from './types.ts';

test('prompts quote the facet definitions and carry a versioned hash', () => {
  assert.match(CONVERSATION_PROMPT.system, /romantic_sexual_roleplay: interactive role-play/);
  for (const prompt of PROMPTS) assert.match(prompt.version, /^\w+\.r\d+\/facets@\d+\/[0-9a-f]{8}$/);
});

test('token estimate: ~4 chars per token, 1 per CJK character', () => {
  assert.equal(estimateTokens('abcdefgh'), 2);
  assert.equal(estimateTokens('我很难过'), 4);
});

test('backoff grows, has jitter, and never undercuts Retry-After', () => {
  const policy = { ...DEFAULT_RETRY_POLICY, random: () => 1 };
  const plain = new LlmCallError('server', 'HTTP 500', 500);
  assert.equal(backoffDelay(policy, 0, plain), 1000);
  assert.equal(backoffDelay(policy, 2, plain), 4000);
  assert.equal(backoffDelay({ ...policy, random: () => 0 }, 2, plain), 2000);
  const limited = new LlmCallError('rate-limit', 'HTTP 429', 429, 9000);
  assert.equal(backoffDelay(policy, 0, limited), 9000);
  assert.equal(retryAfterMs(new Headers({ 'retry-after': '3' })), 3000);
  assert.equal(retryAfterMs(new Headers({ 'retry-after-ms': '250' })), 250);
});

test('long conversations keep the first and last messages within the budget and say so', () => {
  const conversation = redactedConversation(
    'long',
    Array.from({ length: 60 }, (_, i) => `message ${i} ${'word '.repeat(40)}`),
  );
  const requests = plan(conversation, { ...DEFAULT_RENDER, budgetTokens: 1000 });
  assert.match(requests.conversation, /^\[0\] user/);
  assert.match(requests.conversation, /messages left out/);
  assert.match(requests.conversation, /\[119\] assistant/);
  assert.match(requests.warning ?? '', /^truncated: \d+ of 120 messages/);
  assert.ok(requests.long);
  assert.deepEqual(
    requests.messages.flatMap((chunk) => chunk.indexes),
    requests.userIndexes,
    'every user message is labelled, in chunks',
  );
});

function scriptedClient(answers: ((request: ChatRequest) => string)[]): ChatClient & { calls: ChatRequest[] } {
  const calls: ChatRequest[] = [];
  return {
    provider: 'test',
    model: 'gpt-4o-mini',
    calls,
    async complete(request) {
      calls.push(request);
      const answer = answers.length > 1 ? answers.shift()! : answers[0]!;
      return { text: answer(request), inputTokens: 100, outputTokens: 10 };
    },
  };
}

const valid = (request: ChatRequest) => fakeAnswer(request.system, request.turns[0]!.content);
const conversation = redactedConversation('r', ['I feel sad today.']);

test('a malformed answer gets one repair turn quoting the validation error', async () => {
  const client = scriptedClient([() => '{"content_creation": "maybe"}', valid]);
  const backend = createLlmBackend({ client, cache: createMemoryCache(), concurrency: 1 });
  const facets = await backend.classify(conversation);
  assert.deepEqual(facets.affective, ['counseling']);
  const repair = client.calls.find((call) => call.turns.length === 3)!;
  assert.match(repair.turns[2]!.content, /content_creation/);
  assert.equal(backend.runSummary().repairs, 1);
  assert.ok((backend.runSummary().cost_usd ?? 0) > 0);
});

test('two malformed answers fail the conversation with a reason (no text in it)', async () => {
  const client = scriptedClient([() => 'not json at all']);
  const backend = createLlmBackend({ client, cache: createMemoryCache(), concurrency: 1 });
  await assert.rejects(backend.classify(conversation), (error: FacetFailure) => /^invalid-output: /.test(error.reason));
  assert.equal(backend.runSummary().failures['invalid-output'], 1);
});

test('prices: known families, override, unknown → tokens only', () => {
  assert.equal(priceOf('gpt-4o-mini-2024-07-18')?.inputPerMillion, 0.15);
  assert.equal(priceOf('openai/gpt-4o')?.outputPerMillion, 10);
  assert.equal(priceOf('llama3.1:8b'), undefined);
  assert.equal(priceOf('llama3.1:8b', { inputPerMillion: 0, outputPerMillion: 0 })?.inputPerMillion, 0);
});
