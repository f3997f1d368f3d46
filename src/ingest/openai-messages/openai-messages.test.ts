import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { collect, memoryFile } from '../../testing/import-helpers.ts';
import { needsShared, sharedFile, sharedHead, sharedPath } from '../../testing/shared-datasets.ts';
import { openaiMessagesImporter } from './index.ts';

const SILVER_CONVERSATIONS = 'silver-labels/conversations.jsonl';
const SILVER_LABELS = 'silver-labels/labels.jsonl';

/** Written for these tests: ids of three kinds, content parts, an unknown role, and two bad lines. */
const lines = [
  JSON.stringify({
    id: 'conv-a',
    user_id: 'u-1',
    messages: [
      { role: 'user', content: 'hello' },
      { role: 'assistant', content: 'hi' },
    ],
  }),
  '{"id": "conv-broken", "messages": [{"role": "user", "content": "secret words',
  JSON.stringify({ id: 'conv-wrong', messages: 'not a list' }),
  JSON.stringify({
    conversation_hash: 12345,
    messages: [
      {
        role: 'user',
        content: [
          { type: 'text', text: 'look' },
          { type: 'image_url', image_url: { url: 'x' } },
        ],
      },
      { role: 'narrator', content: 'a scene' },
      { role: 'assistant', content: null, tool_calls: [{ id: 't' }] },
      { role: 'assistant', content: 'a cat' },
    ],
  }),
  '',
  JSON.stringify({ messages: [{ role: 'user', content: 'no id here' }] }),
  JSON.stringify({ id: 'conv-bad-turn', messages: [{ role: 'user', content: 7 }] }),
];

describe('openai-messages importer', () => {
  it('detects messages records, not ChatGPT / Claude / ShareGPT / WildChat / SillyTavern', () => {
    const detect = (head: string) => openaiMessagesImporter.detect({ name: 'data.jsonl', head });
    assert.ok(detect(lines.join('\n')) >= 0.8);
    assert.equal(detect('[{"id":"x","mapping":{"a":{"message":null}}}]'), 0);
    assert.equal(detect('[{"uuid":"x","chat_messages":[{"sender":"human","text":"hi"}]}]'), 0);
    assert.equal(detect('{"id":"1","conversations":[{"from":"human","value":"hi"}]}'), 0);
    assert.equal(detect('{"conversation_hash":"h","conversation":[{"role":"user","content":"hi"}]}'), 0);
    assert.equal(detect('{"user_name":"U","character_name":"C","create_date":"x"}\n{"name":"U","is_user":true,"mes":"hi"}'), 0);
    assert.equal(detect('role,content\nuser,hi'), 0);
  });

  it('imports the good lines, echoes ids, reports each bad line by number', async () => {
    const { conversations, issues } = await collect(openaiMessagesImporter, memoryFile('fixture.jsonl', lines.join('\n'), 37));
    assert.deepEqual(
      conversations.map((c) => c.id),
      ['conv-a', '12345', 'fixture.jsonl:6'],
    );
    assert.equal(conversations[0]?.participantId, 'u-1');
    const skipped = issues.filter((i) => i.severity === 'skipped');
    assert.deepEqual(
      skipped.map((i) => [i.position.line, i.code, i.conversationId]),
      [
        [2, 'invalid-json', undefined],
        [3, 'wrong-shape', 'conv-wrong'],
        [7, 'wrong-shape', 'conv-bad-turn'],
      ],
    );
    const second = conversations[1];
    assert.deepEqual(
      second?.messages.map((m) => [m.role, m.text]),
      [
        ['user', 'look'],
        ['system', 'a scene'],
        ['assistant', 'a cat'],
      ],
    );
    assert.deepEqual(second?.messages[0]?.meta, { attachments: ['image_url'] });
    assert.equal(second?.messages[1]?.meta?.sourceRole, 'narrator');
    assert.deepEqual(second?.meta, { nonTextContent: { image_url: 1 }, emptyMessages: 0, toolCalls: 1 });
    const unknownRole = issues.find((i) => i.code === 'unknown-role');
    assert.equal(unknownRole?.severity, 'warning');
    assert.equal(unknownRole?.position.line, 4);
    for (const problem of issues) assert.ok(!/secret|scene|cat|look/.test(problem.reason), problem.reason);
  });

  it('reads a JSON array too, with <file>:<index> ids for records without one', async () => {
    const array = JSON.stringify([
      { messages: [{ role: 'user', content: 'one' }] },
      { id: 'named', messages: [{ role: 'user', content: 'two' }] },
    ]);
    assert.ok(openaiMessagesImporter.detect({ name: 'a.json', head: array }) >= 0.8);
    const { conversations, issues } = await collect(openaiMessagesImporter, memoryFile('a.json', array));
    assert.deepEqual(issues, []);
    assert.deepEqual(
      conversations.map((c) => c.id),
      ['a.json:0', 'named'],
    );
  });

  it(
    'reads every silver-label conversation; user-message counts equal the labels’ human_messages',
    needsShared(SILVER_LABELS),
    async () => {
      const head = sharedHead(SILVER_CONVERSATIONS);
      assert.ok(openaiMessagesImporter.detect({ name: 'conversations.jsonl', head }) >= 0.8);
      const { conversations, issues } = await collect(openaiMessagesImporter, sharedFile(SILVER_CONVERSATIONS));
      assert.deepEqual(issues, []);
      assert.equal(conversations.length, 660);
      const labels = new Map<string, number>();
      for (const line of readFileSync(sharedPath(SILVER_LABELS), 'utf8').split('\n')) {
        if (line.trim() === '') continue;
        const label = JSON.parse(line) as { id: string; human_messages: number };
        labels.set(label.id, label.human_messages);
      }
      const sourceIds = readFileSync(sharedPath(SILVER_CONVERSATIONS), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => (JSON.parse(line) as { id: string }).id);
      assert.deepEqual(
        conversations.map((c) => c.id),
        sourceIds,
        'ids are echoed unchanged, in file order',
      );
      for (const conversation of conversations) {
        const users = conversation.messages.filter((m) => m.role === 'user').length;
        assert.equal(users, labels.get(conversation.id), `human_messages of ${conversation.id}`);
      }
    },
  );
});
