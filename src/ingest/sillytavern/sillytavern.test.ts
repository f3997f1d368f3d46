import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { collect, memoryFile } from '../../testing/import-helpers.ts';
import { sillytavernImporter } from './index.ts';
import { parseSillyTavernDate } from './parse-send-date.ts';

const FIXTURE_NAME = 'Aria-2024-6-2@17h13m05s.jsonl';
const fixture = readFileSync(fileURLToPath(new URL(`./__fixtures__/${FIXTURE_NAME}`, import.meta.url)));
const localIso = (...parts: [number, number, number, number, number, number?, number?]) => new Date(...parts).toISOString();

describe('sillytavern importer', () => {
  it('detects a chat file by its header or its message lines, and not dataset records', () => {
    const detect = (head: string, name = 'chat.jsonl') => sillytavernImporter.detect({ name, head });
    assert.ok(detect(fixture.toString('utf8')) >= 0.9);
    assert.ok(detect('{"name":"A","is_user":false,"send_date":1717348500000,"mes":"hi"}') >= 0.5, 'a headerless group chat');
    assert.equal(detect('{"id":"1","messages":[{"role":"user","content":"hi"}]}'), 0);
    assert.equal(detect('[{"user_name":"U","character_name":"C"}]'), 0, 'SillyTavern chats are JSON Lines, never arrays');
    assert.equal(detect('{"histories":{"histories":[{"msgs":[]}]}}'), 0);
  });

  it('reads one file as one conversation: roles, chosen swipe, dates; bad lines are warnings with their numbers', async () => {
    const { conversations, issues, records } = await collect(sillytavernImporter, memoryFile(FIXTURE_NAME, fixture, 50));
    assert.equal(records.filter((r) => r.kind === 'conversation').length, 1);
    const [chat] = conversations;
    assert.ok(chat);
    assert.equal(chat.id, 'Aria:2024-6-2 @17h 13m 05s 123ms');
    assert.equal(chat.title, 'Aria');
    assert.equal(chat.participantId, undefined, 'one file = one person: the participant is the file');
    assert.equal(chat.createdAt, localIso(2024, 5, 2, 17, 13, 5, 123));
    assert.deepEqual(
      chat.messages.map((m) => m.role),
      ['assistant', 'user', 'assistant', 'system', 'assistant', 'user'],
    );
    assert.equal(chat.messages[2]?.text, "I'm sorry to hear that. Want to talk about it?", 'the selected swipe only');
    assert.deepEqual(chat.messages[2]?.meta, { alternativeSwipes: 2 });
    assert.equal(chat.messages[2]?.model, 'gpt-4o-mini');
    assert.equal(chat.messages[0]?.createdAt, localIso(2024, 5, 2, 17, 13));
    assert.equal(chat.messages[2]?.createdAt, '2024-06-02T17:15:00.000Z');
    assert.deepEqual(chat.messages[3]?.meta, { sourceType: 'narrator' });
    assert.deepEqual(chat.messages[4]?.meta, { hiddenFromPrompt: true });
    assert.equal(chat.messages[5]?.createdAt, undefined, 'an unparseable send_date leaves createdAt unset');
    assert.deepEqual(chat.messages[5]?.meta, { attachments: ['image'] });
    assert.deepEqual(chat.meta, { alternativeSwipes: 2, hiddenMessages: 1, skippedLines: 2, header: true });
    assert.deepEqual(
      issues.map((i) => [i.position.line, i.code, i.severity, i.conversationId]),
      [
        [5, 'invalid-json', 'warning', chat.id],
        [6, 'wrong-shape', 'warning', chat.id],
      ],
    );
    for (const problem of issues) assert.ok(!/Maybe|later|Sam/.test(problem.reason), problem.reason);
    assert.ok(!JSON.stringify(chat.meta).includes('Sam'), 'the user name is never copied');
  });

  it('falls back to the file name without a header, and keeps JSON error snippets out of reasons', async () => {
    const text = ['{"name":"A","is_user":true,"send_date":1717348500000,"mes":"first"}', 'this is my private diary', ''].join(
      '\n',
    );
    const { conversations, issues } = await collect(sillytavernImporter, memoryFile('group chat.jsonl', text));
    assert.equal(conversations[0]?.id, 'group chat.jsonl');
    assert.equal(conversations[0]?.messages.length, 1);
    assert.equal(issues.length, 1);
    assert.equal(issues[0]?.position.line, 2);
    assert.ok(!/this is|private/.test(issues[0]?.reason ?? ''), issues[0]?.reason);
  });

  it('skips a chat larger than maxRecordBytes with one issue instead of buffering it', async () => {
    const { conversations, issues } = await collect(sillytavernImporter, memoryFile(FIXTURE_NAME, fixture), {
      maxRecordBytes: 600,
    });
    assert.equal(conversations.length, 0);
    assert.equal(issues.length, 1);
    assert.equal(issues[0]?.code, 'element-too-large');
    assert.equal(issues[0]?.severity, 'skipped');
  });

  it('parses the three SillyTavern date styles', () => {
    assert.equal(parseSillyTavernDate(1717348500000), '2024-06-02T17:15:00.000Z');
    assert.equal(parseSillyTavernDate('June 2, 2024 5:13pm'), localIso(2024, 5, 2, 17, 13));
    assert.equal(parseSillyTavernDate('2024-6-2 @07h 03m 05s 9ms'), localIso(2024, 5, 2, 7, 3, 5, 9));
    assert.equal(parseSillyTavernDate('yesterday-ish'), undefined);
  });
});
