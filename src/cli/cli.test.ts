import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { EXIT } from '../errors.ts';
import { DuckDbStore } from '../store/duckdb/duckdb-store.ts';
import { chatgptConversation, tempDir } from '../testing/fixtures.ts';
import { needsShared, sharedPath } from '../testing/shared-datasets.ts';

const ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const REAL_EXPORT = 'export-format-samples/chatgpt-real-export-pkuppens/conversations.json';

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function readJsonLines(file: string): Record<string, unknown>[] {
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

describe('cli', () => {
  it('facets on the real ChatGPT export: 192 lines whose human_messages sum to 645', needsShared(REAL_EXPORT), () => {
    const out = path.join(tempDir(), 'f.jsonl');
    const { status } = cli('facets', sharedPath(REAL_EXPORT), '--out', out, '--quiet');
    assert.equal(status, EXIT.ok);
    const lines = readJsonLines(out);
    assert.equal(lines.length, 192);
    assert.equal(
      lines.reduce((sum, line) => sum + (line.human_messages as number), 0),
      645,
    );
    for (const line of lines) {
      assert.deepEqual(Object.keys(line).slice(0, 4), ['id', 'source', 'language', 'human_messages']);
      assert.equal((line.messages as unknown[]).length, line.human_messages);
    }
  });

  it('exit status tells partial success (3) from nothing usable (4) and usage errors (2)', () => {
    const folder = tempDir();
    const good = chatgptConversation('good', 1);
    const partial = path.join(folder, 'partial.json');
    writeFileSync(partial, `${JSON.stringify([good]).slice(0, -1)},{"id":"cut","mapping":{"a":`);
    const garbage = path.join(folder, 'garbage.json');
    writeFileSync(garbage, 'this is not an export');

    const out = path.join(folder, 'f.jsonl');
    const first = cli('facets', partial, '--out', out, '--json');
    assert.equal(first.status, EXIT.partial);
    const summary = JSON.parse(first.stdout);
    assert.equal(summary.written, 1);
    assert.equal(summary.skipped, 1);
    const [quarantined] = readJsonLines(path.join(folder, 'f.quarantine.jsonl'));
    assert.equal(quarantined?.code, 'truncated');
    assert.ok(((quarantined?.position as { byteOffset?: number } | undefined)?.byteOffset ?? 0) > 0);
    assert.match(first.stderr, /partial\.json \(byte \d+\): \[truncated\]/);

    assert.equal(cli('facets', garbage, '--out', out, '--quiet').status, EXIT.nothingUsable);
    assert.equal(cli('facets', garbage, '--out', out, '--format', 'no-such-format').status, EXIT.usageError);
    const missing = cli('import', path.join(folder, 'missing.json'), '--db', path.join(folder, 'x.duckdb'));
    assert.equal(missing.status, EXIT.usageError);
    assert.match(missing.stderr, /cannot read input path/);
    assert.doesNotMatch(missing.stderr, /at .*\.ts:\d+/, 'user errors print no stack');
  });

  it('analyze writes facets, summary, quarantine and a report without message text; personal data never reaches the store', async () => {
    const folder = tempDir();
    const secret = 'my-very-private-sentence';
    const canaries = ['alex.canary@example.org', '13812345678', '+44 20 7946 0958'];
    const file = path.join(folder, 'conversations.json');
    writeFileSync(
      file,
      JSON.stringify([chatgptConversation('c1', 2, (i) => `${secret} ${i}, write to ${canaries.join(' or ')}`)]),
    );
    const out = path.join(folder, 'out');
    // The store goes into a folder that does not exist yet, as in the README's demo command.
    const { status, stderr } = cli('analyze', file, '--out', out, '--db', path.join(folder, 'new', 's.duckdb'));
    assert.equal(status, EXIT.ok, stderr);
    assert.match(stderr, /report: .*report\.html/);
    const summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8'));
    assert.equal(summary.store.conversations, 1);
    assert.equal(summary.import.inserted, 1);
    for (const name of ['summary.json', 'report.html', 'facets.jsonl', 'quarantine.jsonl']) {
      assert.ok(!readFileSync(path.join(out, name), 'utf8').includes(secret), `${name} holds no message text`);
    }
    assert.equal(summary.import.redacted.EMAIL, 4); // one in each of the 4 messages
    assert.equal(summary.import.redacted.PHONE, 8);
    const store = await DuckDbStore.open(path.join(folder, 'new', 's.duckdb'), { readOnly: true });
    try {
      for await (const conversation of store.readConversations()) {
        const stored = JSON.stringify(conversation);
        for (const canary of canaries) assert.ok(!stored.includes(canary), `${canary} was redacted before storage`);
        assert.match(stored, /\[EMAIL\]/);
      }
    } finally {
      await store.close();
    }
  });
});
