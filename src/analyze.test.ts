import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from './analyze.ts';
import { DuckDbStore } from './store/duckdb/duckdb-store.ts';
import { chatgptConversation, tempDir } from './testing/fixtures.ts';

const PII_CANARIES = ['sam.canary@example.org', '13912345678', '11010519491231002X', 'Sarah Connor', '+1 (415) 555-0142'];
/** Not personal data, but used by one participant only: it must never reach an aggregate (e.g. a topic label). */
const RARE_WORD = 'zorblaxian';

/** Eight people's exports; every conversation is a lonely, personal exchange, some carrying canaries. */
function writeExports(folder: string): void {
  for (let person = 0; person < 8; person++) {
    const conversations = Array.from({ length: 3 }, (_, index) =>
      chatgptConversation(`p${person}-c${index}`, 3, (turn) => {
        if (turn % 2 === 1) return 'I am sorry you feel so alone. I am here to listen.';
        const base = 'I feel so lonely and sad every night, I have no friends to talk to and I cry a lot.';
        if (person === 0)
          return `${base} My name is Sarah Connor, mail me at ${PII_CANARIES[0]} or call ${PII_CANARIES[4]}. ${RARE_WORD} ${RARE_WORD}`;
        if (person === 1) return `${base} 我的手机是${PII_CANARIES[1]}，身份证${PII_CANARIES[2]}。`;
        return base;
      }),
    );
    const personFolder = path.join(folder, `person-${person}`);
    mkdirSync(personFolder, { recursive: true });
    writeFileSync(path.join(personFolder, 'conversations.json'), JSON.stringify(conversations));
  }
}

describe('analyze: privacy end to end', () => {
  it('no canary reaches any output file, and no personal data reaches the store', async () => {
    const folder = tempDir();
    writeExports(path.join(folder, 'exports'));
    const out = path.join(folder, 'out');
    const store = await DuckDbStore.open(path.join(folder, 'store.duckdb'));
    try {
      const { summary, status } = await analyze([path.join(folder, 'exports')], {
        store,
        out,
        participantKey: Buffer.alloc(32, 3),
        thresholds: { kUsers: 5, kConversations: 10 },
      });
      assert.equal(status, 'ok');
      assert.equal(summary.store.conversations, 24);
      assert.equal(summary.store.participants, 8);
      assert.ok(summary.study.prevalence.all.affective.estimate !== null, 'the affective cell is reported');
      assert.equal(summary.import.redacted.EMAIL, 9); // 3 user messages in each of person 0’s 3 conversations
      for (const file of readdirSync(out)) {
        const content = readFileSync(path.join(out, file)).toString('latin1') + readFileSync(path.join(out, file), 'utf8');
        for (const canary of [...PII_CANARIES, RARE_WORD]) assert.ok(!content.includes(canary), `${file} contains ${canary}`);
      }
      for await (const conversation of store.readConversations()) {
        const stored = JSON.stringify(conversation);
        for (const canary of PII_CANARIES) assert.ok(!stored.includes(canary), `the store holds ${canary}`);
      }
    } finally {
      await store.close();
    }
  });
});
