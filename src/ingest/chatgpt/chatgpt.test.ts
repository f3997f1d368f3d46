import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { collect, memoryFile } from '../../testing/import-helpers.ts';
import { needsShared, sharedFile, sharedPath } from '../../testing/shared-datasets.ts';
import { chatgptImporter } from './index.ts';

const REAL_EXPORT = 'export-format-samples/chatgpt-real-export-pkuppens/conversations.json';
const BRANCH_FIXTURE = 'export-format-samples/chatgpt-parser-fixture-mitkury/example-conversation.json';

/** A small export written for these tests from the public format: two branches, hidden scaffolding, non-text parts. */
function node(id: string, parent: string | null, children: string[], message: Record<string, unknown> | null) {
  return { id, parent, children, message };
}
function message(role: string, parts: unknown[], extra: Record<string, unknown> = {}) {
  return {
    author: { role },
    create_time: 1704067200,
    content: { content_type: 'text', parts },
    metadata: {},
    recipient: 'all',
    ...extra,
  };
}
const fixture = [
  {
    id: 'conv-1',
    title: 'A test',
    create_time: 1704067200,
    current_node: 'n5',
    mapping: {
      root: node('root', null, ['n1'], null),
      n1: node('n1', 'root', ['n2'], message('system', [''], { metadata: { is_visually_hidden_from_conversation: true } })),
      n2: node('n2', 'n1', ['n3', 'n3b'], message('user', ['first question'])),
      n3: node('n3', 'n2', ['n4'], message('assistant', ['old answer'])),
      n3b: node(
        'n3b',
        'n2',
        ['n4b'],
        message('assistant', ['python code'], { content: { content_type: 'code', text: 'x' }, recipient: 'python' }),
      ),
      n4: node(
        'n4',
        'n3',
        ['n5'],
        message('user', ['look at this', { content_type: 'image_asset_pointer' }], {
          content: { content_type: 'multimodal_text', parts: ['look at this', { content_type: 'image_asset_pointer' }] },
        }),
      ),
      n4b: node('n4b', 'n3b', [], message('assistant', ['abandoned branch'])),
      n5: node('n5', 'n4', [], message('assistant', ['final answer'], { metadata: { model_slug: 'gpt-4o' } })),
    },
  },
];

describe('chatgpt importer', () => {
  it('detects ChatGPT exports and nothing else', () => {
    assert.ok(chatgptImporter.detect({ name: 'conversations.json', head: JSON.stringify(fixture) }) > 0.9);
    assert.equal(chatgptImporter.detect({ name: 'conversations.json', head: '[{"uuid":"x","chat_messages":[]}]' }), 0);
  });

  it('keeps the visible branch, drops hidden scaffolding, notes non-text content', async () => {
    const { conversations, issues } = await collect(
      chatgptImporter,
      memoryFile('conversations.json', JSON.stringify(fixture), 13),
    );
    assert.deepEqual(issues, []);
    const [conversation] = conversations;
    assert.ok(conversation);
    assert.deepEqual(
      conversation.messages.map((m) => [m.role, m.text]),
      [
        ['user', 'first question'],
        ['assistant', 'old answer'],
        ['user', 'look at this'],
        ['assistant', 'final answer'],
      ],
    );
    assert.deepEqual(conversation.messages[2]?.meta, { attachments: ['image_asset_pointer'] });
    assert.equal(conversation.messages[3]?.model, 'gpt-4o');
    assert.equal(conversation.createdAt, '2024-01-01T00:00:00.000Z');
    assert.equal((conversation.meta?.nonTextContent as Record<string, number> | undefined)?.image_asset_pointer, 1);
    assert.equal(conversation.meta?.branchPoints, 1);
  });

  it('names a conversation whose mapping is broken and keeps the others', async () => {
    const broken = structuredClone(fixture[0]) as Record<string, unknown>;
    broken.id = 'conv-broken';
    (broken.mapping as Record<string, unknown>).n4 = node('n4', 'missing-node', ['n5'], message('user', ['x']));
    const second = { ...structuredClone(fixture[0]), id: 'conv-2' };
    const { conversations, issues } = await collect(chatgptImporter, memoryFile('c.json', JSON.stringify([broken, second])));
    assert.deepEqual(
      conversations.map((c) => c.id),
      ['conv-2'],
    );
    assert.equal(issues.length, 1);
    assert.equal(issues[0]?.code, 'broken-tree');
    assert.equal(issues[0]?.conversationId, 'conv-broken');
    assert.match(issues[0]?.reason ?? '', /missing-node/);
  });

  it(
    'reads the real export: 192 conversations, 645 user messages on the visible branches',
    needsShared(REAL_EXPORT),
    async () => {
      const { conversations, issues } = await collect(chatgptImporter, sharedFile(REAL_EXPORT, 'conversations.json'));
      assert.equal(issues.length, 0);
      assert.equal(conversations.length, 192);
      const userMessages = conversations.reduce((sum, c) => sum + c.messages.filter((m) => m.role === 'user').length, 0);
      assert.equal(userMessages, 645);
      // code / browsing / quotes are counted, never turned into messages
      const nonText = conversations.reduce((sum, c) => sum + Object.keys(c.meta?.nonTextContent as object).length, 0);
      assert.ok(nonText > 0);
    },
  );

  it('follows current_node in the real branching fixture', needsShared(BRANCH_FIXTURE), async () => {
    const { conversations } = await collect(chatgptImporter, sharedFile(BRANCH_FIXTURE, 'conversations.json'));
    assert.equal(conversations.length, 1);
    const texts = conversations[0]?.messages.map((m) => m.text) ?? [];
    assert.ok(texts.some((t) => t.includes('write a function in JavaScript')));
    assert.ok(!texts.some((t) => t.includes('Python instead')), 'the abandoned branch is not imported');
    assert.equal(readFileSync(sharedPath(BRANCH_FIXTURE), 'utf8').includes('Python instead'), true);
  });
});
