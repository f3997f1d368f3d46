import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createWriteStream, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import yazl from 'yazl';
import type { Conversation } from '../model.ts';
import { chatgptConversation, tempDir, writeChatgptExport } from '../testing/fixtures.ts';
import type { ImportIssue } from './importer.ts';
import { type IngestEvent, IngestTally, ingest } from './ingest.ts';
import { importers } from './registry.ts';

const KEY = Buffer.alloc(32, 1);

async function run(paths: string[], options: Partial<Parameters<typeof ingest>[1]> = {}) {
  const conversations: Conversation[] = [];
  const issues: ImportIssue[] = [];
  const tally = new IngestTally();
  const events: IngestEvent[] = [];
  for await (const event of ingest(paths, { participantKey: KEY, ...options })) {
    tally.add(event);
    events.push(event);
    if (event.kind === 'conversation') conversations.push(event.conversation);
    if (event.kind === 'issue') issues.push(event.issue);
  }
  return { conversations, issues, summary: tally.summary, events };
}

describe('ingest', () => {
  it('registers every importer folder', () => {
    const folder = fileURLToPath(new URL('.', import.meta.url));
    const folders = readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('__'))
      .map((entry) => entry.name)
      .sort();
    assert.deepEqual(folders, importers.map((importer) => importer.id).sort());
  });

  it('reads folders recursively and .zip archives, passing over companion files', async () => {
    const folder = tempDir();
    mkdirSync(path.join(folder, 'nested'));
    writeChatgptExport(path.join(folder, 'nested'), 'conversations.json', 3);
    writeFileSync(path.join(folder, 'users.json'), '[{"uuid":"u"}]');
    writeFileSync(path.join(folder, 'chat.html'), '<html></html>');
    const zip = new yazl.ZipFile();
    zip.addBuffer(
      Buffer.from(JSON.stringify([chatgptConversation('zipped-1', 1), chatgptConversation('zipped-2', 1)])),
      'export/conversations.json',
    );
    zip.addBuffer(Buffer.from('{}'), 'export/user.json');
    zip.end();
    const zipPath = path.join(folder, 'export.zip');
    const out = createWriteStream(zipPath);
    zip.outputStream.pipe(out);
    await once(out, 'finish');

    const { conversations, summary, issues } = await run([folder]);
    assert.deepEqual(issues, []);
    assert.deepEqual(conversations.map((c) => c.id).sort(), ['conv-0', 'conv-1', 'conv-2', 'zipped-1', 'zipped-2']);
    assert.equal(summary.files, 2);
    assert.equal(summary.filesIgnored, 3);
    assert.ok(conversations.find((c) => c.id === 'zipped-1')?.origin.file.endsWith('export.zip!export/conversations.json'));
  });

  it('reports an unrecognised file and a duplicate conversation, and keeps the rest', async () => {
    const folder = tempDir();
    const first = writeChatgptExport(folder, 'a.json', 2);
    const second = writeChatgptExport(folder, 'b.json', 1); // conv-0 again
    const unknown = path.join(folder, 'notes.txt');
    writeFileSync(unknown, 'nothing to see here\n');
    const { conversations, issues, summary } = await run([first, second, unknown]);
    assert.equal(conversations.length, 2);
    assert.deepEqual(
      issues.map((i) => [path.basename(i.file), i.code, i.conversationId]),
      [
        ['b.json', 'duplicate', 'conv-0'],
        ['notes.txt', 'unrecognised-format', undefined],
      ],
    );
    assert.equal(summary.skipped, 2);
  });

  it('pseudonymises participants: stable under one key, different under another, never the raw id', async () => {
    const folder = tempDir();
    const file = writeChatgptExport(folder, 'conversations.json', 2);
    const once1 = await run([file], { participant: 'donor-17' });
    const once2 = await run([file], { participant: 'donor-17' });
    const otherKey = await run([file], { participant: 'donor-17', participantKey: Buffer.alloc(32, 2) });
    assert.equal(once1.conversations[0]?.participant, once2.conversations[0]?.participant);
    assert.notEqual(once1.conversations[0]?.participant, otherKey.conversations[0]?.participant);
    assert.ok(!JSON.stringify(once1.conversations).includes('donor-17'));
  });

  it('skips an empty conversation and cuts an absurdly long message with a warning', async () => {
    const folder = tempDir();
    const empty = chatgptConversation('empty', 1, () => '');
    const long = chatgptConversation('long', 1, (i) => (i === 0 ? 'x'.repeat(5000) : 'ok'));
    const file = path.join(folder, 'conversations.json');
    writeFileSync(file, JSON.stringify([empty, long]));
    const { conversations, issues } = await run([file], { import: { maxMessageChars: 1000 } });
    assert.deepEqual(
      conversations.map((c) => c.id),
      ['long'],
    );
    assert.equal(conversations[0]?.messages[0]?.text.length, 1000);
    assert.deepEqual(
      issues.map((i) => [i.code, i.severity, i.conversationId]),
      [
        ['empty-conversation', 'skipped', 'empty'],
        ['message-truncated', 'warning', 'long'],
      ],
    );
  });

  it('a forced format that does not fit yields issues, not a crash', async () => {
    const folder = tempDir();
    const file = writeChatgptExport(folder, 'conversations.json', 2);
    const { conversations, issues } = await run([file], { format: 'claude' });
    assert.equal(conversations.length, 0);
    assert.ok(issues.length > 0);
    assert.ok(issues.every((i) => i.severity === 'skipped'));
  });
});
