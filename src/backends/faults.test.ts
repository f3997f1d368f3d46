/**
 * Fault injection against both local servers: about 20% of responses are 429, 500, timeouts or
 * garbage JSON. Every conversation must end labelled or explicitly failed with a reason, and the
 * run summary must count each.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { chatgptConversation, tempDir } from '../testing/fixtures.ts';
import { writeFacets } from '../write-facets.ts';
import { createAnthropicBackend } from './anthropic/index.ts';
import type { LlmBackend } from './llm/backend.ts';
import { createDirectoryCache } from './llm/cache.ts';
import { createOpenAICompatibleBackend } from './openai-compatible/index.ts';
import { type FakeServer, faultSchedule, startFakeServer } from './testing/fake-servers.ts';

const COUNT = 40;

function exportFile(dir: string): string {
  const file = path.join(dir, 'conversations.json');
  const texts = (c: number) => (i: number) => (i % 2 === 1 ? 'I see.' : c % 3 === 0 ? 'I feel sad and alone.' : `task ${c}.${i}`);
  writeFileSync(file, JSON.stringify(Array.from({ length: COUNT }, (_, c) => chatgptConversation(`f${c}`, 2, texts(c)))));
  return file;
}

const options = { retry: { maxRetries: 1, baseDelayMs: 2, maxDelayMs: 10 }, timeoutMs: 300, concurrency: 6 };

const providers: [string, 'openai' | 'anthropic', (server: FakeServer, cache: string) => LlmBackend][] = [
  [
    'openai-compatible',
    'openai',
    (server, cache) =>
      createOpenAICompatibleBackend({
        ...options,
        baseURL: `${server.url}/v1`,
        apiKey: 'none',
        model: 'fake',
        cache: createDirectoryCache(cache),
      }),
  ],
  [
    'anthropic',
    'anthropic',
    (server, cache) =>
      createAnthropicBackend({
        ...options,
        baseURL: server.url,
        apiKey: 'k',
        model: 'claude-fake',
        cache: createDirectoryCache(cache),
      }),
  ],
];

for (const [name, kind, make] of providers) {
  test(`${name}: 20% faults → every conversation labelled or failed with a reason, all counted`, async () => {
    const server = await startFakeServer(kind, faultSchedule(0.2));
    try {
      const dir = tempDir();
      const out = path.join(dir, 'facets.jsonl');
      const backend = make(server, path.join(dir, 'cache'));
      const result = await writeFacets([exportFile(dir)], { out, participantKey: Buffer.alloc(32, 1), backend });
      const records = readFileSync(out, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      assert.equal(records.length, COUNT);
      for (const record of records) {
        if ('error' in record) {
          assert.match(record.error, /^(http-429|http-500|timeout|invalid-output)/);
          assert.equal(record.affective, null);
          assert.equal(record.crisis, null);
        } else assert.ok(Array.isArray(record.affective));
      }
      const failed = records.filter((record) => 'error' in record).length;
      assert.deepEqual(result.facets.labelled + result.facets.failed, COUNT);
      assert.equal(result.facets.failed, failed);
      assert.equal(
        Object.values(result.facets.failures).reduce((a, b) => a + b, 0),
        failed,
      );
      const run = result.backend_run as ReturnType<LlmBackend['runSummary']>;
      assert.equal(run.labelled, result.facets.labelled);
      assert.equal(run.failed, failed);
      for (const fault of ['429', '500', 'timeout', 'garbage'] as const) assert.ok(server.faults[fault] > 0, fault);
      assert.ok((run.retries['http-429'] ?? 0) > 0 && (run.retries['http-500'] ?? 0) > 0 && (run.retries.timeout ?? 0) > 0);
      assert.ok(run.repairs > 0, 'garbage answers got a repair turn');
      assert.ok(result.facets.labelled > COUNT / 2, 'most conversations survive with one retry');
    } finally {
      await server.close();
    }
  });
}
