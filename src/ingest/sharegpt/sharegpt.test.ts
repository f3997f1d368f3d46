import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { collect, memoryFile } from '../../testing/import-helpers.ts';
import { needsShared, sharedFile, sharedPath } from '../../testing/shared-datasets.ts';
import { sharegptImporter } from './index.ts';

const SAMPLE = 'sharegpt-sample-en/sharegpt_sample_1000.jsonl';

/** Written for these tests from the public ShareGPT shape: a piece starting with gpt, labels, two bad lines. */
const lines = [
  JSON.stringify({
    id: 'abc_0',
    conversation_metadata: { turn_count: 3, language_distribution: { en: 3 } },
    conversations: [
      { from: 'gpt', value: 'continuing the answer', language: 'en' },
      { from: 'human', value: 'thanks, and then?', language: 'en', expressive_label: 1 },
      { from: 'gpt', value: 'then this' },
    ],
  }),
  '{"id": "abc_1", "conversations": [{"from": "human", "value": "private',
  JSON.stringify({ id: 'abc_2', conversations: [{ from: 'human', value: ['not', 'text'] }, { from: 'gpt' }] }),
  JSON.stringify({
    conversations: [
      { from: 'system', value: 'be brief' },
      { from: 'human', value: 'hi' },
      { from: 'bard', value: 'hey' },
    ],
  }),
  JSON.stringify({ id: 'abc_4', conversations: [{ from: 'human', value: 42 }] }),
];

describe('sharegpt importer', () => {
  it('detects from/value conversations and nothing else', () => {
    const detect = (head: string) => sharegptImporter.detect({ name: 'x.jsonl', head });
    assert.ok(detect(lines.join('\n')) >= 0.8);
    assert.equal(detect('{"id":"1","messages":[{"role":"user","content":"hi"}]}'), 0);
    assert.equal(detect('{"conversation_hash":"h","conversation":[{"role":"user","content":"hi"}]}'), 0);
    assert.equal(detect('[{"id":"x","mapping":{},"conversations":[]}]'), 0);
  });

  it('keeps turns in the given order, labels in meta, and reports bad lines by number', async () => {
    const { conversations, issues } = await collect(sharegptImporter, memoryFile('sg.jsonl', lines.join('\n'), 29));
    assert.deepEqual(
      conversations.map((c) => c.id),
      ['abc_0', 'abc_2', 'sg.jsonl:4'],
    );
    const [first, second, third] = conversations;
    assert.deepEqual(
      first?.messages.map((m) => m.role),
      ['assistant', 'user', 'assistant'],
    );
    assert.deepEqual(first?.messages[1]?.meta, { language: 'en', expressive_label: 1 });
    assert.deepEqual(first?.meta?.language_distribution, { en: 3 });
    // a list of strings is text parts; a turn without value is an empty message, kept in place
    assert.deepEqual(
      second?.messages.map((m) => m.text),
      ['not\ntext', ''],
    );
    assert.equal(second?.meta?.emptyMessages, 1);
    assert.deepEqual(
      third?.messages.map((m) => m.role),
      ['system', 'user', 'system'],
    );
    assert.deepEqual(
      issues.map((i) => [i.position.line, i.code, i.severity]),
      [
        [2, 'invalid-json', 'skipped'],
        [4, 'unknown-role', 'warning'],
        [5, 'wrong-shape', 'skipped'],
      ],
    );
    for (const problem of issues) assert.ok(!/private|hey|brief/.test(problem.reason), problem.reason);
  });

  it(
    'reads the 1,000-conversation sample: every line, ids echoed, gpt-first pieces kept as given',
    needsShared(SAMPLE),
    async () => {
      const text = readFileSync(sharedPath(SAMPLE), 'utf8');
      assert.ok(sharegptImporter.detect({ name: 'sharegpt_sample_1000.jsonl', head: text.slice(0, 65536) }) >= 0.8);
      const { conversations, issues } = await collect(sharegptImporter, sharedFile(SAMPLE));
      assert.deepEqual(issues, []);
      const records = text
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as { id: string; conversations: { from: string }[] });
      assert.equal(conversations.length, 1000);
      assert.deepEqual(
        conversations.map((c) => c.id),
        records.map((r) => r.id),
      );
      const gptFirst = conversations.filter((c) => c.messages[0]?.role === 'assistant').length;
      assert.equal(gptFirst, records.filter((r) => r.conversations[0]?.from === 'gpt').length);
      assert.ok(gptFirst > 0);
      const humanTurns = records.reduce((sum, r) => sum + r.conversations.filter((t) => t.from === 'human').length, 0);
      const userMessages = conversations.reduce((sum, c) => sum + c.messages.filter((m) => m.role === 'user').length, 0);
      assert.equal(userMessages, humanTurns);
    },
  );
});
