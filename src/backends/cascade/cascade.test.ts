import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createEmbeddedBackend } from '../../facets/embedded-backend.ts';
import { FacetFailure } from '../../facets/facet.ts';
import type { LlmBackend } from '../llm/backend.ts';
import { redactedConversation } from '../testing/conversations.ts';
import { auditDraw, createCascadeBackend } from './index.ts';

/** A fake LLM that calls everything affective and counts what it was asked. */
function fakeLlm(asked: string[], fail = new Set<string>()): LlmBackend {
  const embeddedShape = createEmbeddedBackend();
  return {
    id: 'llm:fake',
    model: 'gpt-4o-mini',
    concurrency: 2,
    async classify(conversation) {
      asked.push(conversation.id);
      if (fail.has(conversation.id)) throw new FacetFailure('http-500', 'en');
      const facets = (await embeddedShape).classifySync(conversation);
      return { ...facets, affective: ['counseling'] };
    },
    estimate: () => ({ requests: 3, inputTokens: 1000, outputTokens: 100 }),
    runSummary: () => ({}) as ReturnType<LlmBackend['runSummary']>,
  };
}

const tasks = Array.from({ length: 200 }, (_, i) =>
  redactedConversation(`t${i}`, [`Write a SQL query that joins table ${i} with orders by customer id.`]),
);
const affective = redactedConversation('a0', [
  'I have been feeling so anxious and lonely since my breakup, I cry every night and I do not know who to talk to.',
]);

test('the screen keeps plain tasks; affective ones and a seeded audit sample go to the LLM', async () => {
  const asked: string[] = [];
  const cascade = createCascadeBackend({ screen: await createEmbeddedBackend(), llm: fakeLlm(asked), auditRate: 0.1, seed: 3 });
  for (const conversation of [...tasks, affective]) await cascade.classify(conversation);
  const { cascade: stats } = cascade.runSummary();
  assert.ok(asked.includes('a0'));
  assert.equal(stats.conversations, 201);
  assert.equal(stats.sent, asked.length);
  assert.equal(stats.share_sent, asked.length / 201);
  const audited = tasks.filter((t) => cascade.route(t) === 'audit').length;
  assert.ok(audited > 5 && audited < 40, `audit sample ≈ 10% (${audited})`);
  // The fake LLM calls every audited conversation affective: the screen "missed" all of them.
  assert.equal(stats.audit.labelled, stats.routes.audit);
  assert.equal(stats.audit.miss_rate.estimate, 1);
  assert.ok(stats.audit.estimated_missed.low > 0 && stats.audit.estimated_missed.high >= stats.audit.estimated_missed.low);
});

test('the audit draw is seeded and order-independent; an LLM failure fails the conversation', async () => {
  assert.equal(auditDraw(1, 'k'), auditDraw(1, 'k'));
  assert.notEqual(auditDraw(1, 'k'), auditDraw(2, 'k'));
  const cascade = createCascadeBackend({ screen: await createEmbeddedBackend(), llm: fakeLlm([], new Set(['a0'])) });
  await assert.rejects(cascade.classify(affective), FacetFailure);
  const estimate = cascade.estimate(tasks[0]!);
  assert.equal(estimate.sent, cascade.route(tasks[0]!) !== 'screen');
});
