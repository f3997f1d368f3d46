import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collect, memoryFile } from '../../testing/import-helpers.ts';
import { transcriptImporter } from './index.ts';

const threeConversations = [
  'Chat log exported by hand',
  'Human: I had a hard day.',
  'Work was a lot.',
  '',
  'Assistant: That sounds tiring.',
  '',
  'Take care.',
  '---',
  'H: short labels work too',
  'A: yes',
  '',
  '',
  '===',
  '',
  'User：用全角冒号',
  'Bot: Reply with Human: inside the line.',
  '---',
  '',
].join('\n');

describe('transcript importer: text files', () => {
  it('detects labelled text files, not CSV or JSON', () => {
    const detect = (name: string, head: string) => transcriptImporter.detect({ name, head });
    assert.ok(detect('chat.txt', 'Human: hi\nAssistant: hello\n') >= 0.8);
    assert.ok(detect('chat.txt', '用户：你好\n助手：你好！\n') >= 0.8);
    assert.ok(detect('chat.txt', 'H: hi\nA: hello\n') > 0.3);
    assert.equal(detect('notes.txt', 'Just some notes\nwith no speakers\n'), 0);
    assert.equal(detect('notes.txt', 'Human: only one side\n'), 0);
    assert.equal(detect('chats.csv', 'conversation_id,role,text\nc1,user,hi\n'), 0);
    assert.equal(detect('c.json', '[{"conversations":[{"from":"human","value":"x"}]}]'), 0);
  });

  it('splits turns at line-start labels and conversations at a separator followed by a label', async () => {
    const { conversations, issues } = await collect(transcriptImporter, memoryFile('chats.txt', threeConversations, 5));
    assert.deepEqual(
      conversations.map((c) => [c.id, c.messages.map((m) => [m.role, m.text])]),
      [
        [
          'chats.txt:2',
          [
            ['user', 'I had a hard day.\nWork was a lot.'],
            ['assistant', 'That sounds tiring.\n\nTake care.'],
          ],
        ],
        [
          'chats.txt:9',
          [
            ['user', 'short labels work too'],
            ['assistant', 'yes'],
          ],
        ],
        [
          'chats.txt:15',
          [
            ['user', '用全角冒号'],
            ['assistant', 'Reply with Human: inside the line.'],
          ],
        ],
      ],
    );
    // The preamble is a warning that names its line, never its text.
    assert.deepEqual(
      issues.map((i) => [i.code, i.severity, i.position.line]),
      [['wrong-shape', 'warning', 1]],
    );
    assert.ok(!issues[0]?.reason.includes('exported by hand'));
  });

  it('keeps a separator not followed by a label as answer text (a Markdown rule)', async () => {
    const text = 'Human: q\nAssistant: part one\n\n---\n\npart two\nHuman: next\n';
    const { conversations } = await collect(transcriptImporter, memoryFile('one.txt', text));
    assert.equal(conversations.length, 1);
    assert.deepEqual(
      conversations[0]?.messages.map((m) => m.text),
      ['q', 'part one\n\n---\n\npart two', 'next'],
    );
  });

  it('does not split on blank lines and does not take indented or mid-line labels', async () => {
    const text = 'Human: a\n\n\n\nAssistant: b\n  Human: quoted\nsaid Human: x\n\n\nHuman: c\n';
    const { conversations } = await collect(transcriptImporter, memoryFile('one.txt', text));
    assert.equal(conversations.length, 1);
    assert.deepEqual(
      conversations[0]?.messages.map((m) => [m.role, m.text]),
      [
        ['user', 'a'],
        ['assistant', 'b\n  Human: quoted\nsaid Human: x'],
        ['user', 'c'],
      ],
    );
  });

  it('skips a conversation over maxRecordBytes with an issue and reads the next one', async () => {
    const big = `Human: ${'x'.repeat(300)}\nAssistant: ${'y'.repeat(300)}\n---\nHuman: small\nAssistant: ok\n`;
    const { conversations, issues } = await collect(transcriptImporter, memoryFile('big.txt', big), { maxRecordBytes: 200 });
    assert.deepEqual(
      conversations.map((c) => c.id),
      ['big.txt:4'],
    );
    assert.deepEqual(
      issues.map((i) => [i.code, i.severity, i.conversationId, i.position.line]),
      [['element-too-large', 'skipped', 'big.txt:1', 1]],
    );
  });

  it('reports a file with labels but no text, and a file with no labels', async () => {
    const empty = await collect(transcriptImporter, memoryFile('e.txt', 'Human:\nAssistant:   \n'));
    assert.deepEqual(
      empty.issues.map((i) => i.code),
      ['empty-conversation'],
    );
    const none = await collect(transcriptImporter, memoryFile('n.txt', 'just text\nmore text\n'));
    assert.equal(none.conversations.length, 0);
    assert.deepEqual(
      none.issues.map((i) => [i.code, i.severity]),
      [['wrong-shape', 'warning']],
    );
  });
});
