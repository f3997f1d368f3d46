import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collect, memoryFile } from '../../testing/import-helpers.ts';
import { needsShared, sharedFile } from '../../testing/shared-datasets.ts';
import { transcriptImporter } from './index.ts';

const HH_RLHF = 'hh-rlhf-harmless/harmless-base_test_dev.jsonl';

const line = (record: unknown) => JSON.stringify(record);
const hhRecord = {
  chosen: '\n\nHuman: I feel lonely.\n\nAssistant: I am sorry. Human: is a word I use.\n\nHuman: Thanks\n\nAssistant: Any time.',
  rejected: '\n\nHuman: I feel lonely.\n\nAssistant: SECRET-REJECTED-TEXT',
};

describe('transcript importer: JSON records', () => {
  it('detects hh-rlhf style records and no other JSON chat format', () => {
    const detect = (name: string, head: string) => transcriptImporter.detect({ name, head });
    assert.ok(detect('test.jsonl', line(hhRecord)) > 0.8);
    assert.ok(detect('t.jsonl', line({ transcript: 'Human: hi\n\nAssistant: hello' })) > 0.8);
    assert.ok(detect('t.jsonl', line({ text: '\n\nHuman: hi\n\nAssistant: hello' })) > 0.3);
    assert.equal(detect('conversations.json', '[{"id":"x","mapping":{"a":{"parent":null}}}]'), 0);
    assert.equal(detect('sharegpt.json', line([{ conversations: [{ from: 'human', value: 'Human: hi' }] }])), 0);
    assert.equal(detect('m.jsonl', line({ messages: [{ role: 'user', content: 'Human: hi' }] })), 0);
    assert.equal(detect('m.jsonl', line({ messages: [{ role: 'user', content: [{ type: 'text', text: 'Human: x' }] }] })), 0);
    assert.equal(detect('claude.json', '[{"uuid":"x","chat_messages":[]}]'), 0);
    assert.equal(detect('notes.jsonl', line({ text: 'a plain document' })), 0);
  });

  it('imports chosen, notes rejected without its text, keeps a mid-line "Human:" in the answer', async () => {
    const { conversations, issues } = await collect(transcriptImporter, memoryFile('hh.jsonl', `${line(hhRecord)}\n`, 7));
    assert.deepEqual(issues, []);
    const [conversation] = conversations;
    assert.ok(conversation);
    assert.equal(conversation.id, 'hh.jsonl:1');
    assert.deepEqual(
      conversation.messages.map((m) => [m.role, m.text]),
      [
        ['user', 'I feel lonely.'],
        ['assistant', 'I am sorry. Human: is a word I use.'],
        ['user', 'Thanks'],
        ['assistant', 'Any time.'],
      ],
    );
    assert.equal(conversation.meta?.rejectedExists, true);
    assert.equal(conversation.meta?.transcriptField, 'chosen');
    assert.ok(!JSON.stringify(conversation).includes('SECRET-REJECTED-TEXT'));
  });

  it('uses the id field, drops empty turns, warns about a preamble and goes on after bad lines', async () => {
    const lines = [
      line({ id: 'r1', transcript: 'Intro words\n\nHuman: hi\n\nAssistant: ' }),
      '{not json',
      '',
      line({ other: 'field' }),
      line({ text: 'no labels in this text' }),
      line({ text: 'Human: second\n\nAssistant: reply' }),
    ];
    const { conversations, issues } = await collect(transcriptImporter, memoryFile('x.jsonl', lines.join('\n')));
    assert.deepEqual(
      conversations.map((c) => [c.id, c.messages.length, c.meta?.emptyTurns]),
      [
        ['r1', 1, 1],
        ['x.jsonl:6', 2, 0],
      ],
    );
    assert.deepEqual(
      issues.map((i) => [i.code, i.severity, i.position.line]),
      [
        ['wrong-shape', 'warning', 1],
        ['invalid-json', 'skipped', 2],
        ['wrong-shape', 'skipped', 4],
        ['wrong-shape', 'skipped', 5],
      ],
    );
    assert.ok(
      issues.every((i) => !/Intro words|no labels in this text/.test(i.reason)),
      'no text in reasons',
    );
  });

  it('reads a JSON array of records', async () => {
    const file = memoryFile('hh.json', JSON.stringify([hhRecord, { ...hhRecord, id: 'named' }]));
    const { conversations, issues } = await collect(transcriptImporter, file);
    assert.deepEqual(issues, []);
    assert.equal(conversations.length, 2);
    assert.equal(conversations[1]?.id, 'named');
  });

  it('reads every hh-rlhf line, with the right turns and no assistant text in user messages', needsShared(HH_RLHF), async () => {
    const file = sharedFile(HH_RLHF);
    const { conversations, issues } = await collect(transcriptImporter, file);
    assert.deepEqual(issues, []);
    assert.equal(conversations.length, 2055);
    const roles = (n: number) => conversations[n - 1]?.messages.map((m) => (m.role === 'user' ? 'H' : 'A')).join('');
    // Counted by hand in the file: line 1 has 3 exchanges, line 2 two, line 3 five.
    assert.equal(roles(1), 'HAHAHA');
    assert.equal(roles(2), 'HAHA');
    assert.equal(roles(3), 'HAHAHAHAHA');
    // Line 77 ends with an empty "Assistant:" prompt; line 593 has two assistant turns in a row.
    assert.equal(roles(77), 'HAH');
    assert.equal(conversations[76]?.meta?.emptyTurns, 1);
    assert.equal(roles(593)?.slice(0, 6), 'HAHAAH');
    // Line 26: an answer that itself begins "Human:" stays an assistant message.
    assert.ok(conversations[25]?.messages.some((m) => m.role === 'assistant' && m.text.startsWith('Human:')));
    for (const [index, conversation] of conversations.entries()) {
      assert.equal(conversation.id, `${file.displayPath}:${index + 1}`);
      assert.equal(conversation.meta?.rejectedExists, true);
      for (const message of conversation.messages) {
        assert.ok(!/\n\n(Human|Assistant):/.test(message.text), `a turn boundary leaked into ${conversation.id}`);
        if (message.role === 'user') assert.ok(!message.text.includes('Assistant:'), `assistant text in ${conversation.id}`);
      }
    }
  });
});
