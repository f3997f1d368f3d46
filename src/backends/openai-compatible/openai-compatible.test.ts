import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { createEmbeddedBackend } from '../../facets/embedded-backend.ts';
import { FacetFailure } from '../../facets/facet.ts';
import { facetRecord } from '../../facets/facet-record.ts';
import { tempDir } from '../../testing/fixtures.ts';
import { createDirectoryCache } from '../llm/cache.ts';
import { PLANTED_EMAIL, sampleConversations } from '../testing/conversations.ts';
import { type FakeServer, startFakeServer } from '../testing/fake-servers.ts';
import { createOpenAICompatibleBackend, createOpenAICompatibleClient } from './index.ts';

const fast = { retry: { baseDelayMs: 2, maxDelayMs: 10 }, timeoutMs: 2000 };
let server: FakeServer;
before(async () => {
  server = await startFakeServer('openai');
});
after(() => server.close());

function backend(cacheDir: string, extra: { signal?: AbortSignal } = {}) {
  return createOpenAICompatibleBackend({
    baseURL: `${server.url}/v1`,
    apiKey: 'none',
    model: 'fake-model',
    concurrency: 3,
    cache: createDirectoryCache(cacheDir),
    ...fast,
    ...extra,
  });
}

test('requests carry the model, JSON mode, the system prompt first and only redacted text', async () => {
  server.bodies.length = 0;
  const [conversation] = sampleConversations(1);
  const record = await facetRecord(conversation!, backend(tempDir()));
  assert.equal(server.bodies.length, 3, 'conversation, assistant and messages groups');
  for (const raw of server.bodies) {
    assert.ok(!raw.includes(PLANTED_EMAIL), 'the planted e-mail address never reaches the server');
    const body = JSON.parse(raw);
    assert.equal(body.model, 'fake-model');
    assert.deepEqual(body.response_format, { type: 'json_object' });
    assert.equal(body.messages[0].role, 'system');
    assert.match(body.messages[0].content, /Definitions:/);
  }
  assert.ok(
    server.bodies.some((raw) => raw.includes('[EMAIL]')),
    'the placeholder is sent instead',
  );
  assert.deepEqual(record.affective, ['counseling']);
  assert.equal(record.crisis, 'distress');
  assert.deepEqual(
    record.messages?.map((m) => m.sentiment),
    [0, -0.5],
  );
});

test('the LLM record has exactly the keys of the embedded record', async () => {
  const [conversation] = sampleConversations(1);
  const llm = await facetRecord(conversation!, backend(tempDir()));
  const embedded = await facetRecord(conversation!, await createEmbeddedBackend());
  assert.deepEqual(Object.keys(llm).sort(), Object.keys(embedded).sort());
  assert.deepEqual(Object.keys(llm.messages![0]!).sort(), Object.keys(embedded.messages![0]!).sort());
});

test('a second run over the same conversations is served by the cache: zero requests', async () => {
  const cacheDir = tempDir();
  const conversations = sampleConversations(6);
  const first = backend(cacheDir);
  await Promise.all(conversations.map((c) => first.classify(c)));
  assert.equal(first.runSummary().requests, 18);
  server.bodies.length = 0;
  const second = backend(cacheDir);
  const records = await Promise.all(conversations.map((c) => facetRecord(c, second)));
  assert.equal(server.bodies.length, 0);
  assert.equal(second.runSummary().cache_hits, 18);
  assert.equal(records.filter((r) => r.affective?.includes('counseling')).length, 2);
});

test('resume after an abort asks only what the first run did not finish', async () => {
  const cacheDir = tempDir();
  const conversations = sampleConversations(12);
  const controller = new AbortController();
  server.bodies.length = 0;
  const aborting = backend(cacheDir, { signal: controller.signal });
  let done = 0;
  const settled = await Promise.allSettled(
    conversations.map(async (c) => {
      const facets = await aborting.classify(c);
      if (++done === 4) controller.abort(); // killed mid-run
      return facets;
    }),
  );
  await new Promise((resolve) => setTimeout(resolve, 50)); // let cancelled requests land
  assert.ok(
    settled.some((s) => s.status === 'rejected'),
    'the abort stopped part of the run',
  );
  assert.ok(
    settled.every((s) => s.status === 'fulfilled' || !(s.reason instanceof FacetFailure)),
    'an abort is not a labelling failure',
  );
  assert.ok(settled.filter((s) => s.status === 'fulfilled').length >= 4);
  const cached = readdirSync(cacheDir).flatMap((dir) => readdirSync(path.join(cacheDir, dir))).length;
  server.bodies.length = 0;
  const resumed = backend(cacheDir);
  await Promise.all(conversations.map((c) => resumed.classify(c)));
  assert.equal(server.bodies.length, 36 - cached, 'only the requests missing from the cache are sent');
  assert.equal(resumed.runSummary().cache_hits, cached);
  assert.ok(cached >= 12 && cached < 36);
  assert.equal(resumed.runSummary().labelled, 12);
});

test('embeddings use encoding_format float', async () => {
  server.bodies.length = 0;
  const client = createOpenAICompatibleClient({ baseURL: `${server.url}/v1`, apiKey: 'none', model: 'fake-model' });
  const vectors = await client.embed(['ab', 'abc'], 'fake-embed');
  assert.deepEqual(vectors, [
    [2, 1, 0],
    [3, 1, 0],
  ]);
  assert.equal(JSON.parse(server.bodies[0]!).encoding_format, 'float');
});
