/** `affectlens facets … --backend llm --llm-base-url http://127.0.0.1:PORT/v1` against a local server. */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { tempDir, writeChatgptExport } from '../testing/fixtures.ts';
import { startFakeServer } from './testing/fake-servers.ts';

const run = promisify(execFile);
const root = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: root, env: { ...process.env, ...env } });

const lines = (file: string) =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));

test('facets --backend llm emits the embedded output schema; --dry-run sends nothing', async () => {
  const server = await startFakeServer('openai');
  try {
    const dir = tempDir();
    const input = writeChatgptExport(dir, 'export.json', 3);
    const llmOut = path.join(dir, 'llm.jsonl');
    const embeddedOut = path.join(dir, 'embedded.jsonl');
    const llmArgs = [
      '--backend',
      'llm',
      '--llm-base-url',
      `${server.url}/v1`,
      '--llm-model',
      'fake',
      '--llm-cache',
      path.join(dir, 'c'),
    ];
    await cli(['facets', input, '--out', llmOut, ...llmArgs, '--quiet'], { OPENAI_API_KEY: '' });
    await cli(['facets', input, '--out', embeddedOut, '--quiet']);
    const [llm, embedded] = [lines(llmOut), lines(embeddedOut)];
    assert.equal(llm.length, 3);
    for (const [i, record] of llm.entries()) {
      assert.deepEqual(Object.keys(record).sort(), Object.keys(embedded[i]).sort());
      assert.match(record.backend, /^llm:openai-compatible\/fake@/);
    }
    const asked = server.bodies.length;
    const { stdout } = await cli(['facets', input, '--out', path.join(dir, 'dry.jsonl'), ...llmArgs, '--dry-run']);
    const estimate = JSON.parse(stdout);
    assert.equal(server.bodies.length, asked, 'the dry run sends nothing');
    assert.equal(estimate.conversations, 3);
    assert.equal(estimate.requests, 9);
    assert.equal(estimate.cost_usd, null, 'unknown model: tokens only');
    assert.ok(estimate.input_tokens > 0);
  } finally {
    await server.close();
  }
});
