import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collect, memoryFile } from '../../testing/import-helpers.ts';
import { csvImporter } from './index.ts';

const basic = [
  'conversation_id,role,text,timestamp,participant',
  'c1,user,"I feel low,',
  'and tired",2024-01-01T10:00:00Z,u-17',
  'c1,assistant,"That sounds hard. ""Rest"" helps.",1704103260,',
  '',
  'c2,Human,hello,,u-18',
  'c2,narrator,the scene changes,,',
  'c2,bot,hi there,,',
].join('\r\n');

describe('csv importer', () => {
  it('detects message-per-row CSV and TSV headers, and never JSON', () => {
    const detect = (name: string, head: string) => csvImporter.detect({ name, head });
    assert.ok(detect('chats.csv', basic) >= 0.9);
    assert.ok(detect('chats.tsv', 'Thread_ID\tSpeaker\tContent\nt1\tuser\thi\n') >= 0.9);
    assert.ok(detect('chats.txt', '\uFEFF"chat_id";"sender";"body"\n') > 0.5);
    assert.equal(detect('conversations.json', '[{"conversation_id":"x","role":"user","text":"x","mapping":{}}]'), 0);
    assert.equal(detect('m.jsonl', '{"messages":[{"role":"user","content":"hi"}]}\n'), 0);
    assert.equal(detect('chat.txt', 'Human: hi, how are you\nAssistant: fine, thanks\n'), 0);
    assert.equal(detect('other.csv', 'id,label,sentence\n1,2,3\n'), 0);
  });

  it('groups rows into conversations, with quoted newlines, timestamps, participants and unknown roles', async () => {
    const { conversations, issues } = await collect(csvImporter, memoryFile('chats.csv', basic, 9));
    assert.deepEqual(
      conversations.map((c) => [c.id, c.participantId, c.messages.map((m) => [m.role, m.text])]),
      [
        [
          'c1',
          'u-17',
          [
            ['user', 'I feel low,\nand tired'],
            ['assistant', 'That sounds hard. "Rest" helps.'],
          ],
        ],
        [
          'c2',
          'u-18',
          [
            ['user', 'hello'],
            ['system', 'the scene changes'],
            ['assistant', 'hi there'],
          ],
        ],
      ],
    );
    assert.equal(conversations[0]?.createdAt, '2024-01-01T10:00:00.000Z');
    assert.equal(conversations[0]?.messages[1]?.createdAt, '2024-01-01T10:01:00.000Z');
    assert.deepEqual(conversations[1]?.messages[1]?.meta, { sourceRole: 'narrator' });
    assert.deepEqual(
      issues.map((i) => [i.code, i.severity, i.conversationId, i.position.line]),
      [['unknown-role', 'warning', 'c2', 7]],
    );
  });

  it('reads TSV and semicolon files with alias headers', async () => {
    const tsv = 'Thread_ID\tSpeaker\tContent\tCreated_At\nt1\tuser\ta, b; c\t2024-02-01\nt1\tassistant\tok\t\n';
    const fromTsv = await collect(csvImporter, memoryFile('x.tsv', tsv));
    assert.deepEqual(
      fromTsv.conversations[0]?.messages.map((m) => m.text),
      ['a, b; c', 'ok'],
    );
    const semicolon = 'chat_id;sender;message\ns1;user;"one, two"\ns1;ai;three\n';
    const fromSemicolon = await collect(csvImporter, memoryFile('x.csv', semicolon));
    assert.deepEqual(
      fromSemicolon.conversations[0]?.messages.map((m) => [m.role, m.text]),
      [
        ['user', 'one, two'],
        ['assistant', 'three'],
      ],
    );
  });

  it('imports a conversation id that reappears later as a separate part with a warning', async () => {
    const csv = 'conversation_id,role,text\na,user,1\nb,user,2\na,assistant,3\na,user,4\n';
    const { conversations, issues } = await collect(csvImporter, memoryFile('x.csv', csv));
    assert.deepEqual(
      conversations.map((c) => [c.id, c.messages.length, c.meta?.part]),
      [
        ['a', 1, undefined],
        ['b', 1, undefined],
        ['a#2', 2, 2],
      ],
    );
    assert.deepEqual(
      issues.map((i) => [i.code, i.severity, i.conversationId, i.position.line]),
      [['duplicate', 'warning', 'a#2', 4]],
    );
  });

  it('reports rows without id or text by record and line, and goes on', async () => {
    const csv = 'conversation_id,role,text\n,user,secret words\nc1,user\nc1,user,  \nc1,user,kept\n';
    const { conversations, issues } = await collect(csvImporter, memoryFile('x.csv', csv));
    assert.deepEqual(
      conversations.map((c) => [c.id, c.messages.map((m) => m.text)]),
      [['c1', ['kept']]],
    );
    assert.deepEqual(
      issues.map((i) => [i.code, i.severity, i.position.line]),
      [
        ['wrong-shape', 'skipped', 2],
        ['wrong-shape', 'skipped', 3],
        ['wrong-shape', 'skipped', 4],
      ],
    );
    assert.match(issues[0]?.reason ?? '', /CSV record 2 \(line 2\) has no conversation id/);
    assert.ok(issues.every((i) => !i.reason.includes('secret')));
  });

  it('keeps the conversations read before an unclosed quote and names where it broke', async () => {
    const csv =
      'conversation_id,role,text\nc1,user,hi\nc1,assistant,hello\nc2,user,fine\nc3,user,"never closed\nc3,assistant,lost\n';
    const { conversations, issues } = await collect(csvImporter, memoryFile('x.csv', csv, 16));
    assert.deepEqual(
      conversations.map((c) => c.id),
      ['c1', 'c2'],
    );
    assert.deepEqual(
      issues.map((i) => [i.code, i.severity, i.conversationId, i.position.line]),
      [
        ['truncated', 'warning', 'c2', 4],
        ['truncated', 'skipped', undefined, 5],
      ],
    );
    assert.match(issues[1]?.reason ?? '', /never closed.*rest of the file/);
  });

  it('explains a missing column once, and follows csvColumns', async () => {
    const csv = 'thread,who,utterance\nt1,user,hi\n';
    const missing = await collect(csvImporter, memoryFile('x.csv', csv));
    assert.equal(missing.conversations.length, 0);
    assert.equal(missing.issues.length, 1);
    assert.equal(missing.issues[0]?.code, 'wrong-shape');
    assert.match(missing.issues[0]?.reason ?? '', /conversationId .*role .*text .*"thread", "who", "utterance".*--csv-columns/);
    const mapped = await collect(csvImporter, memoryFile('x.csv', csv), {
      csvColumns: { conversationId: 'Thread', role: 'who', text: 'utterance' },
    });
    assert.deepEqual(mapped.issues, []);
    assert.equal(mapped.conversations[0]?.messages[0]?.text, 'hi');
    const typo = await collect(csvImporter, memoryFile('x.csv', 'conversation_id,role,text\nc,user,x\n'), {
      csvColumns: { text: 'txt' },
    });
    assert.match(typo.issues[0]?.reason ?? '', /text \(looked for txt\)/);
  });

  it('skips a conversation over maxRecordBytes and reads the next; an empty file is one issue', async () => {
    const csv = `conversation_id,role,text\nbig,user,${'x'.repeat(150)}\nbig,assistant,${'y'.repeat(150)}\nsmall,user,ok\n`;
    const { conversations, issues } = await collect(csvImporter, memoryFile('x.csv', csv), { maxRecordBytes: 200 });
    assert.deepEqual(
      conversations.map((c) => c.id),
      ['small'],
    );
    assert.deepEqual(
      issues.map((i) => [i.code, i.conversationId]),
      [['element-too-large', 'big']],
    );
    const empty = await collect(csvImporter, memoryFile('e.csv', ''));
    assert.deepEqual(
      empty.issues.map((i) => i.code),
      ['wrong-shape'],
    );
  });
});
