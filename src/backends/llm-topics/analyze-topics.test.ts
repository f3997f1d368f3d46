/** analyze with an LLM backend: the study's topics come from the LLM topics over the stored summaries. */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { analyze } from '../../analyze.ts';
import { DuckDbStore } from '../../store/duckdb/duckdb-store.ts';
import { chatgptConversation, tempDir } from '../../testing/fixtures.ts';
import { createMemoryCache } from '../llm/cache.ts';
import { createOpenAICompatibleBackend, createOpenAICompatibleClient } from '../openai-compatible/index.ts';
import { llmTopicsProvider } from './index.ts';
import { type FakeTopicsServer, startFakeTopicsServer } from './testing/fake-topics-server.ts';

const USER_TEXT = 'I feel so lonely and sad every night, I have no friends to talk to.';
const CANARY = 'quillfeather.canary@example.org';
/** The fake labeller's summary of every affective conversation. */
const SUMMARY = 'The user sought support for low mood and loneliness.';

function writeExports(folder: string): void {
  for (let person = 0; person < 8; person++) {
    const conversations = Array.from({ length: 3 }, (_, index) =>
      chatgptConversation(`p${person}-c${index}`, 2, (turn) =>
        turn % 2 === 1 ? 'I am here to listen.' : person === 0 ? `${USER_TEXT} Write to ${CANARY}.` : USER_TEXT,
      ),
    );
    mkdirSync(path.join(folder, `person-${person}`), { recursive: true });
    writeFileSync(path.join(folder, `person-${person}`, 'conversations.json'), JSON.stringify(conversations));
  }
}

let server: FakeTopicsServer;
before(async () => {
  server = await startFakeTopicsServer(() => 'Low mood and loneliness');
});
after(() => server.close());

async function run(options: { llmTopics: boolean; llmBackend: boolean }) {
  const folder = tempDir();
  writeExports(path.join(folder, 'exports'));
  const client = createOpenAICompatibleClient({ baseURL: server.baseURL, apiKey: 'none', model: 'fake-chat' });
  const store = await DuckDbStore.open(path.join(folder, 'store.duckdb'));
  try {
    return await analyze([path.join(folder, 'exports')], {
      store,
      out: path.join(folder, 'out'),
      participantKey: Buffer.alloc(32, 3),
      thresholds: { kUsers: 5, kConversations: 10 },
      ...(options.llmBackend
        ? {
            backend: createOpenAICompatibleBackend({
              baseURL: server.baseURL,
              apiKey: 'none',
              model: 'fake-chat',
              cache: createMemoryCache(),
            }),
          }
        : {}),
      ...(options.llmTopics
        ? {
            llmTopics: llmTopicsProvider({
              chat: client,
              embeddings: client,
              embeddingModel: 'fake-embed',
              cache: createMemoryCache(),
            }),
          }
        : {}),
    });
  } finally {
    await store.close();
  }
}

describe('analyze: topicsMethod', () => {
  it('an LLM backend with a topics provider: LLM topics over the summaries, and the summary says so', async () => {
    server.requests.length = 0;
    const { summary } = await run({ llmTopics: true, llmBackend: true });
    assert.equal(summary.topics_method, 'llm');
    assert.match(summary.study.topics.method ?? '', /^llm-topics\/1: /);
    const counseling = summary.study.topics.types.counseling;
    assert.equal(counseling.documents_used, 24);
    assert.deepEqual(
      counseling.clusters.map((c) => [c.label, c.conversations, c.participants]),
      [[['Low mood and loneliness'], 24, 8]],
    );
    assert.equal(summary.topics_llm?.named, 1);
    // The topic requests carry the stored summaries and the label, never the conversations' text.
    const topicRequests = server.requests.filter((r) => r.kind !== 'facets');
    assert.deepEqual([...new Set(topicRequests.map((r) => r.kind))].sort(), ['audit', 'embeddings', 'naming']);
    for (const request of topicRequests) {
      assert.ok(!request.raw.includes('lonely and sad') && !request.raw.includes(CANARY) && !request.raw.includes('[EMAIL]'));
    }
    const embedded = topicRequests.filter((r) => r.kind === 'embeddings').flatMap((r) => r.body.input as string[]);
    assert.deepEqual(embedded, [SUMMARY]);
  });

  it('the embedded backend, or an LLM backend with no topics provider: offline topics', async () => {
    for (const options of [
      { llmTopics: true, llmBackend: false },
      { llmTopics: false, llmBackend: true },
    ]) {
      const { summary } = await run(options);
      assert.equal(summary.topics_method, 'offline');
      assert.equal(summary.topics_llm, undefined);
      assert.match(summary.study.topics.method ?? '', /^tfidf-kmeans\/1: /);
    }
  });
});
