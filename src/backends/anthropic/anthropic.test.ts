import assert from 'node:assert/strict';
import { test } from 'node:test';
import { facetRecord } from '../../facets/facet-record.ts';
import { createMemoryCache } from '../llm/cache.ts';
import { PLANTED_EMAIL, sampleConversations } from '../testing/conversations.ts';
import { startFakeServer } from '../testing/fake-servers.ts';
import { createAnthropicBackend } from './index.ts';

test('messages.create carries model, system, max_tokens and only redacted text; answers parse', async () => {
  const server = await startFakeServer('anthropic');
  try {
    const cache = createMemoryCache();
    const backend = createAnthropicBackend({ baseURL: server.url, apiKey: 'test-key', model: 'claude-haiku-4-5', cache });
    const [conversation] = sampleConversations(1);
    const record = await facetRecord(conversation!, backend);
    assert.equal(server.bodies.length, 3);
    for (const raw of server.bodies) {
      assert.ok(!raw.includes(PLANTED_EMAIL));
      const body = JSON.parse(raw);
      assert.equal(body.model, 'claude-haiku-4-5');
      assert.equal(typeof body.system, 'string');
      assert.ok(body.max_tokens > 0);
      assert.deepEqual(
        body.messages.map((m: { role: string }) => m.role),
        ['user'],
      );
    }
    assert.deepEqual(record.affective, ['counseling']);
    assert.equal(record.backend, 'llm:anthropic/claude-haiku-4-5@1');
    const run = backend.runSummary();
    assert.equal(run.requests, 3);
    assert.ok(run.input_tokens > 0 && run.output_tokens > 0);
    assert.ok(run.cost_usd !== null && run.cost_usd > 0, 'claude-haiku-4-5 is in the price table');
    assert.equal(cache.size(), 3);
  } finally {
    await server.close();
  }
});
