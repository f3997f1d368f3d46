import assert from 'node:assert/strict';
import { appendFileSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Conversation } from '../model.ts';
import { tempDir } from '../testing/fixtures.ts';
import { readShardInput, readShardOutput, ShardInputWriter, shardNames, writeShardOutput } from './shards.ts';

function conversation(id: string, text: string): Conversation {
  return {
    id,
    key: id.repeat(64).slice(0, 64),
    source: 'openai-messages',
    participant: 'ab'.repeat(8),
    messages: [
      { index: 0, role: 'user', text },
      { index: 1, role: 'assistant', text: 'ok' },
    ],
    origin: { file: 'x.jsonl', line: 1 },
    meta: {},
  };
}

describe('shard files', () => {
  it('names shards by run and number, zero-padded, inside the run folder', () => {
    assert.deepEqual(shardNames('run-1', 7), {
      input: path.join('run-1', 'input-00007.jsonl'),
      output: path.join('run-1', 'facets-00007.parquet'),
    });
  });

  it('writes input shards under a temporary name and reads them back validated', async () => {
    const dir = tempDir();
    const writer = new ShardInputWriter(dir);
    writer.open('input-00001.jsonl');
    await writer.write('k1', conversation('a', '我今天很难过'));
    await writer.write('k2', conversation('b', 'fix this query'));
    assert.equal(readdirSync(dir).includes('input-00001.jsonl'), false, 'not visible under its name before close');
    await writer.close();
    assert.deepEqual(readdirSync(dir), ['input-00001.jsonl']);
    const read = [];
    for await (const item of readShardInput(path.join(dir, 'input-00001.jsonl'))) read.push(item);
    assert.deepEqual(
      read.map((item) => [item.key, item.conversation.id, item.conversation.messages[0]?.text]),
      [
        ['k1', 'a', '我今天很难过'],
        ['k2', 'b', 'fix this query'],
      ],
    );
  });

  it('names the file and line of a damaged input shard', async () => {
    const dir = tempDir();
    const writer = new ShardInputWriter(dir);
    writer.open('input-00002.jsonl');
    await writer.write('k1', conversation('a', 'hello'));
    await writer.close();
    const file = path.join(dir, 'input-00002.jsonl');
    appendFileSync(file, '{"key": "k2", "conversation": {"id": 1}}\n');
    await assert.rejects(async () => {
      for await (const _ of readShardInput(file)) {
      }
    }, /input-00002\.jsonl: line 2 is not a \{key, conversation\} record/);
  });

  it('round-trips facet records through Parquet, replacing the file whole', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'run', 'facets-00001.parquet');
    const records = [
      { key: 'b', value: { affective: ['counseling'], crisis: 'none', language: 'zh' } },
      { key: 'a', value: { affective: [], crisis: 'none', language: 'en' } },
    ];
    await writeShardOutput(file, records);
    await writeShardOutput(file, records); // a retried shard: same content, one file
    assert.deepEqual(readdirSync(path.dirname(file)), ['facets-00001.parquet']);
    assert.deepEqual(await readShardOutput(file), [records[1], records[0]]);
    assert.equal(existsSync(`${file}.${process.pid}.part`), false);
  });
});
