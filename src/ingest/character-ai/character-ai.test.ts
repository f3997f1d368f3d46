/**
 * No licensed public Character.AI donation or dump exists, so every fixture here is hand-written
 * from the format descriptions (the project's donation description; the CharacterAI Dumper
 * userscript and CAI Tools source for the dump shape). The texts are invented.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collect, memoryFile } from '../../testing/import-helpers.ts';
import { DELETED_PLACEHOLDER } from './chat.ts';
import { characterAiImporter } from './index.ts';

const donationArray = [
  {
    chat_id: 'chat-a',
    participant_id: 'P-017',
    character: 'Luna',
    messages: [
      { author: 'Luna', text: 'Hello, traveller.', created: '2024-03-01T10:00:00Z' },
      { author: 'Sam', text: 'I had a rough day.', created: '2024-03-01T10:01:00Z' },
      { author: 'Luna', text: '<message deleted>' },
      { author: 'Sam', text: '<message deleted>' },
      { author: 'Luna', text: 'Tell me about it.' },
    ],
  },
  {
    participant_id: 'P-017',
    character_name: 'Luna',
    turns: [
      { is_human: true, message: 'Good morning' },
      { is_human: false, message: '  ' },
      { is_human: false, message: 'Morning!' },
    ],
  },
];

const donationContainer = {
  participant_id: 'P-042',
  chats: [
    {
      id: 'chat-b',
      character: { name: 'Coach', external_id: 'char-coach' },
      msgs: [
        { src: { name: 'Coach', is_human: false }, content: 'Ready to train?', timestamp: 1709287200 },
        { src: { name: 'Redacted', is_human: true }, content: '<message deleted>', timestamp: 1709287260 },
      ],
    },
    { id: 'chat-c', char: 'Coach', messages: 'not a list' },
    {
      id: 'chat-d',
      char: 'Coach',
      // Three named authors: the donor's name cannot be inferred, so the strangers stay unknown.
      messages: [
        42,
        { author: 'Coach', image: 'x.png' },
        { is_user: true, text: 'still here' },
        { author: 'Stranger', text: 'hm' },
        { author: 'Narrator', text: 'rain' },
      ],
    },
  ],
};

const communityDump = {
  info: { character: { name: 'Aria', external_id: 'char-aria', greeting: 'Hi there' }, status: 'OK' },
  histories: {
    histories: [
      {
        external_id: 'hist-1',
        created: '2023-02-01T08:00:00.000Z',
        msgs: [
          { id: 1, text: 'Hi there', src: { name: 'Aria', is_human: false }, tgt: { name: 'u', is_human: true } },
          { id: 2, text: 'hello Aria', src: { name: '[NAME_REDACTED]', is_human: true }, display_name: 'x' },
          { id: 3, text: 'another take', src: { name: 'Aria', is_human: false }, is_alternative: true },
        ],
      },
      { external_id: 'hist-2', msgs: [] },
    ],
  },
};

describe('character-ai importer', () => {
  it('detects donations and dumps, and not the other formats', () => {
    const detect = (head: string, name = 'chats.json') => characterAiImporter.detect({ name, head });
    assert.ok(detect(JSON.stringify(donationArray)) >= 0.8);
    assert.ok(detect(JSON.stringify(donationContainer)) >= 0.5);
    assert.ok(detect(JSON.stringify(communityDump)) >= 0.9);
    assert.equal(detect('[{"id":"c","mapping":{"a":{"parent":null}},"current_node":"a"}]'), 0);
    assert.equal(detect('[{"id":"s1","character":"x","conversations":[{"from":"human","value":"hi"}]}]'), 0);
    assert.equal(detect('{"character":"x","messages":[{"role":"user","content":"hi"}]}\n'), 0);
    assert.equal(detect('[{"uuid":"u","name":"n","chat_messages":[{"sender":"human","text":"t"}]}]'), 0);
    assert.equal(detect('{"user_name":"You","character_name":"Luna","create_date":"x"}\n{"name":"Luna","is_user":false}'), 0);
    assert.equal(detect('name,text\nLuna,hi'), 0);
  });

  it('keeps deleted messages as placeholders, counts them, and takes the participant id', async () => {
    const { conversations, issues } = await collect(
      characterAiImporter,
      memoryFile('donation.json', JSON.stringify(donationArray), 9),
    );
    assert.deepEqual(issues, []);
    const [first, second] = conversations;
    assert.equal(first?.id, 'chat-a');
    assert.equal(first?.participantId, 'P-017');
    assert.equal(first?.title, 'Luna');
    assert.equal(first?.createdAt, '2024-03-01T10:00:00.000Z');
    assert.deepEqual(
      first?.messages.map((m) => [m.role, m.text]),
      [
        ['assistant', 'Hello, traveller.'],
        ['user', 'I had a rough day.'],
        ['assistant', DELETED_PLACEHOLDER],
        ['user', DELETED_PLACEHOLDER],
        ['assistant', 'Tell me about it.'],
      ],
    );
    assert.deepEqual(first?.messages[3]?.meta, { placeholder: 'deleted' });
    assert.equal(first?.meta?.deletedMessages, 2);
    // No chat id: participant, character and position make one.
    assert.equal(second?.id, 'P-017:Luna:1');
    assert.deepEqual(
      second?.messages.map((m) => [m.role, m.text]),
      [
        ['user', 'Good morning'],
        ['assistant', 'Morning!'],
      ],
    );
    assert.equal(second?.meta?.emptyMessages, 1);
  });

  it('maps a {participant_id, chats} file to several chats; a bad chat or message is an issue, not a crash', async () => {
    const { conversations, issues } = await collect(
      characterAiImporter,
      memoryFile('p042.json', JSON.stringify(donationContainer)),
    );
    assert.deepEqual(
      conversations.map((c) => [c.id, c.participantId]),
      [
        ['chat-b', 'P-042'],
        ['chat-d', 'P-042'],
      ],
    );
    const [coach, mixed] = conversations;
    assert.deepEqual(
      coach?.messages.map((m) => [m.role, m.text, m.createdAt]),
      [
        ['assistant', 'Ready to train?', '2024-03-01T10:00:00.000Z'],
        ['user', DELETED_PLACEHOLDER, '2024-03-01T10:01:00.000Z'],
      ],
    );
    assert.deepEqual(coach?.meta?.character, { name: 'Coach', id: 'char-coach' });
    assert.equal(coach?.meta?.deletedMessages, 1);
    assert.deepEqual(
      mixed?.messages.map((m) => [m.role, m.text]),
      [
        ['user', 'still here'],
        ['system', 'hm'],
        ['system', 'rain'],
      ],
    );
    assert.equal(mixed?.meta?.unreadableMessages, 2);
    assert.deepEqual(
      issues.map((i) => [i.code, i.severity, i.conversationId]),
      [
        ['wrong-shape', 'skipped', 'chat-c'],
        ['wrong-shape', 'warning', 'chat-d'],
        ['wrong-shape', 'warning', 'chat-d'],
        ['unknown-role', 'warning', 'chat-d'],
        ['unknown-role', 'warning', 'chat-d'],
      ],
    );
    assert.equal(mixed?.messages[1]?.meta?.sourceRole, 'Stranger');
    assert.ok(
      issues.every((i) => !/still here|Stranger|Narrator|rain|hm\b/.test(i.reason)),
      'no text or names in reasons',
    );
  });

  it('reads a community dump: roles from src.is_human, ids from external_id', async () => {
    const { conversations } = await collect(characterAiImporter, memoryFile('Aria.json', JSON.stringify(communityDump)));
    assert.equal(conversations.length, 2);
    const [history] = conversations;
    assert.equal(history?.id, 'hist-1');
    assert.equal(history?.participantId, undefined);
    assert.equal(history?.createdAt, '2023-02-01T08:00:00.000Z');
    assert.deepEqual(history?.meta?.character, { name: 'Aria', id: 'char-aria' });
    assert.deepEqual(
      history?.messages.map((m) => m.role),
      ['assistant', 'user', 'assistant'],
    );
    assert.deepEqual(history?.messages[2]?.meta, { alternative: true });
    assert.equal(conversations[1]?.messages.length, 0);
  });

  it('reads a single chat object', async () => {
    const single = { chat_id: 'solo', user_id: 'U-1', character_id: 'char-9', messages: [{ author: 'user', text: 'hi' }] };
    const { conversations } = await collect(characterAiImporter, memoryFile('solo.json', JSON.stringify(single)));
    assert.deepEqual(
      conversations.map((c) => [c.id, c.participantId, c.messages[0]?.role]),
      [['solo', 'U-1', 'user']],
    );
  });
});
