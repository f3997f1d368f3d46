import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { collect, memoryFile } from '../../testing/import-helpers.ts';
import { needsShared, sharedFile, sharedHead, sharedPath } from '../../testing/shared-datasets.ts';
import { claudeImporter } from './index.ts';

const SAMPLE_FOLDER = 'export-format-samples/claude-export-yaleman';
const REAL_EXPORT = `${SAMPLE_FOLDER}/conversations.json`;

/** A small export written for these tests from the public format: thinking, a tool call, an upload, odd senders. */
let messageNumber = 0;
function chatMessage(sender: unknown, extra: Record<string, unknown>) {
  messageNumber += 1;
  return {
    uuid: `message-${messageNumber}`,
    sender,
    created_at: '2025-01-02T03:04:05.000000Z',
    attachments: [],
    files: [],
    ...extra,
  };
}
const fixture = [
  {
    uuid: 'conv-1',
    name: 'Feeling low',
    created_at: '2025-01-02T03:04:00.000000Z',
    updated_at: '2025-01-02T03:09:00.000000Z',
    account: { uuid: 'account-7' },
    chat_messages: [
      chatMessage('human', {
        text: 'I feel alone today',
        content: [{ type: 'text', text: 'I feel alone today' }],
        attachments: [{ file_name: 'diary.txt', extracted_content: 'private diary words' }],
      }),
      chatMessage('assistant', {
        text: 'SECRET REASONING I am sorry to hear that.',
        content: [
          { type: 'thinking', thinking: 'SECRET REASONING', summaries: [] },
          { type: 'tool_use', name: 'web_search', input: {} },
          { type: 'tool_result', content: [] },
          { type: 'text', text: 'I am sorry to hear that.' },
        ],
      }),
      chatMessage('human', { text: 'Only the old text field', content: [] }),
      chatMessage('assistant', { text: '', content: [{ type: 'tool_use', name: 'x', input: {} }] }),
      chatMessage('moderator', { text: 'a note', content: [{ type: 'text', text: 'a note' }] }),
      'not a message',
    ],
  },
  { uuid: 'conv-2', name: 'No messages', account: { uuid: 'account-7' } },
];

describe('claude importer', () => {
  it('detects Claude exports and nothing else', () => {
    assert.ok(claudeImporter.detect({ name: 'conversations.json', head: JSON.stringify(fixture) }) > 0.9);
    const others = [
      '[{"id":"c","mapping":{"a":{"parent":null,"children":[]}},"current_node":"a"}]',
      '[{"id":"s1","conversations":[{"from":"human","value":"hi"}]}]',
      '{"messages":[{"role":"user","content":"hi"}]}\n',
      '[{"uuid":"u","full_name":"x","email_address":"x@example.com"}]',
      '[{"uuid":"p","name":"proj","docs":[{"content":"see \\"chat_messages\\": here"}]}]',
    ];
    for (const head of others) assert.equal(claudeImporter.detect({ name: 'conversations.json', head }), 0, head);
  });

  it('keeps only text blocks, counts thinking and tools, keeps no attachment content', async () => {
    const { conversations, issues } = await collect(
      claudeImporter,
      memoryFile('conversations.json', JSON.stringify(fixture), 17),
    );
    const [conversation] = conversations;
    assert.ok(conversation);
    assert.equal(conversation.id, 'conv-1');
    assert.equal(conversation.title, 'Feeling low');
    assert.equal(conversation.participantId, 'account-7');
    assert.equal(conversation.createdAt, '2025-01-02T03:04:00.000Z');
    assert.deepEqual(
      conversation.messages.map((m) => [m.role, m.text]),
      [
        ['user', 'I feel alone today'],
        ['assistant', 'I am sorry to hear that.'],
        ['user', 'Only the old text field'],
        ['system', 'a note'],
      ],
    );
    assert.deepEqual(conversation.messages[0]?.meta, { attachments: 1 });
    assert.equal(conversation.messages[3]?.meta?.sourceRole, 'moderator');
    assert.ok(!JSON.stringify(conversations).includes('SECRET REASONING'));
    assert.ok(!JSON.stringify(conversations).includes('private diary words'));
    assert.deepEqual(conversation.meta?.nonTextContent, { thinking: 1, tool_use: 2, tool_result: 1 });
    assert.equal(conversation.meta?.emptyMessages, 1);
    assert.deepEqual(
      issues.map((i) => [i.code, i.conversationId]),
      [
        ['unknown-role', 'conv-1'],
        ['wrong-shape', 'conv-1'],
        ['wrong-shape', 'conv-2'],
      ],
    );
    assert.ok(issues.every((i) => !i.reason.includes('a note')));
  });

  it('names a damaged conversation and keeps the next one', async () => {
    const good = JSON.stringify({ ...fixture[0], uuid: 'conv-good' });
    const text = `[{"uuid":"conv-broken","chat_messages":[{"sender":"human","text":"x"]},${good}]`;
    const { conversations, issues } = await collect(claudeImporter, memoryFile('conversations.json', text));
    assert.deepEqual(
      conversations.map((c) => c.id),
      ['conv-good'],
    );
    assert.ok(issues.some((i) => i.code === 'invalid-json' && i.conversationId === 'conv-broken'));
  });

  it('reads the real export: the reply is kept, the thinking is not', needsShared(REAL_EXPORT), async () => {
    const { conversations, issues } = await collect(claudeImporter, sharedFile(REAL_EXPORT));
    assert.deepEqual(issues, []);
    assert.equal(conversations.length, 1);
    const [conversation] = conversations;
    assert.equal(conversation?.participantId, 'a55a05c0-c560-4854-b7b3-f939c32e2078');
    assert.deepEqual(
      conversation?.messages.map((m) => m.role),
      ['user', 'assistant'],
    );
    const reply = conversation?.messages[1]?.text ?? '';
    assert.match(reply, /^Dog saliva does contain some antibacterial compounds/);
    assert.ok(!reply.includes('The user is asking about'), 'thinking is not assistant text');
    assert.ok(readFileSync(sharedPath(REAL_EXPORT), 'utf8').includes('The user is asking about'));
    assert.deepEqual(conversation?.meta?.nonTextContent, { thinking: 1 });
  });

  for (const other of ['users.json', 'projects.json', 'memories.json']) {
    it(`does not detect the export's ${other}`, needsShared(`${SAMPLE_FOLDER}/${other}`), () => {
      const head = sharedHead(`${SAMPLE_FOLDER}/${other}`);
      assert.equal(claudeImporter.detect({ name: other, head }), 0);
    });
  }
  it('detects the real conversations.json', needsShared(REAL_EXPORT), () => {
    const head = sharedHead(REAL_EXPORT);
    assert.ok(claudeImporter.detect({ name: 'conversations.json', head }) > 0.9);
  });
});
