import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { collect, memoryFile } from '../../testing/import-helpers.ts';
import { needsShared, sharedFile, sharedHead, sharedPath } from '../../testing/shared-datasets.ts';
import { chatgptImporter } from '../chatgpt/index.ts';
import { openaiMessagesImporter } from '../openai-messages/index.ts';
import { sharegptImporter } from '../sharegpt/index.ts';
import { sillytavernImporter } from '../sillytavern/index.ts';
import { wildchatImporter } from './index.ts';

/** Written for these tests in the WildChat row shape (fields from the dataset card), plus two bad lines. */
const wildchatLines = [
  JSON.stringify({
    conversation_hash: 'c0ffee',
    model: 'gpt-4-0314',
    timestamp: '2023-04-09T00:02:53+00:00',
    hashed_ip: 'ip-hash-1',
    language: 'English',
    toxic: false,
    turn: 1,
    header: { 'accept-language': 'en-US', 'user-agent': 'Mozilla/5.0' },
    state: 'Some State',
    conversation: [
      { role: 'user', content: 'hello model', language: 'English', toxic: false, timestamp: '2023-04-09T00:02:50+00:00' },
      { role: 'assistant', content: 'hello person', language: 'English', toxic: false },
    ],
  }),
  '{"conversation_hash": "dead", "conversation": [{"role": "user", "content": "my private',
  JSON.stringify({ conversation_hash: 'beef', conversation: { role: 'user' } }),
  JSON.stringify({
    dialog: [
      { speaker: 'usr', text: 'I feel low' },
      { speaker: 'sys', text: 'I hear you', strategy: 'Question' },
    ],
    emotion_type: 'sadness',
    situation: 'a long private story about me',
  }),
];

const heads: Record<string, string> = {
  wildchat: wildchatLines.join('\n'),
  esconv: '{"emotion_type":"anxiety","problem_type":"job crisis","situation":"x","dialog":[{"text":"hi","speaker":"usr"}]}',
  cpsycoun: '{"id":"case_0","dialog":[{"role":"client","content":"hi"},{"role":"counselor","content":"hello"}]}',
  emollm: '[\n{\n\t"conversation": [\n\t\t{\n\t\t\t"system": "s",\n\t\t\t"input": "i",\n\t\t\t"output": "o"\n\t\t}\n\t]\n}]',
  openai: '{"id":"1","conversation_hash":"h","messages":[{"role":"user","content":"hi"}]}',
  sharegpt: '{"id":"1","conversations":[{"from":"human","value":"hi"}]}',
  chatgpt: '[{"id":"x","title":"t","mapping":{"a":{"id":"a","parent":null,"children":[],"message":null}},"current_node":"a"}]',
  claude: '[{"uuid":"x","name":"t","chat_messages":[{"uuid":"m","sender":"human","text":"hi"}]}]',
  characterai:
    '{"info":{"character":{"name":"Bot"}},"histories":{"histories":[{"msgs":[{"src":{"name":"U","is_human":true},"text":"hi"}]}]}}',
  characteraiDonation: '[{"chat_id":"c","participant_id":"P-1","character":"Luna","messages":[{"author":"Luna","text":"hi"}]}]',
  sillytavern:
    '{"user_name":"U","character_name":"C","create_date":"2024-6-2 @17h 13m 05s 123ms","chat_metadata":{}}\n{"name":"U","is_user":true,"send_date":1717348500000,"mes":"hi"}',
};
const expected: Record<string, string | undefined> = {
  wildchat: 'wildchat',
  esconv: 'wildchat',
  cpsycoun: 'wildchat',
  emollm: 'wildchat',
  openai: 'openai-messages',
  sharegpt: 'sharegpt',
  chatgpt: 'chatgpt',
  claude: undefined,
  characterai: undefined,
  characteraiDonation: undefined,
  sillytavern: 'sillytavern',
};

describe('wildchat importer', () => {
  it('detection: every sample head goes to exactly one importer (the more specific wins)', () => {
    const candidates = [wildchatImporter, openaiMessagesImporter, sharegptImporter, sillytavernImporter, chatgptImporter];
    for (const [format, head] of Object.entries(heads)) {
      const scores = candidates.map((importer) => ({ id: importer.id, score: importer.detect({ name: 'f.jsonl', head }) }));
      const best = scores.reduce((a, b) => (b.score > a.score ? b : a));
      const winner = best.score > 0.3 ? best.id : undefined;
      assert.equal(winner, expected[format], `${format}: ${JSON.stringify(scores)}`);
      assert.equal(scores.filter((s) => s.score === best.score && s.score > 0).length <= 1, true, `${format}: a tie`);
    }
  });

  it('maps a WildChat row: hash as id, hashed_ip as participant, labels in meta, never headers or free text', async () => {
    const { conversations, issues } = await collect(wildchatImporter, memoryFile('wc.jsonl', wildchatLines.join('\n'), 41));
    assert.deepEqual(
      conversations.map((c) => c.id),
      ['c0ffee', 'wc.jsonl:4'],
    );
    const [row, esconvLike] = conversations;
    assert.equal(row?.participantId, 'ip-hash-1');
    assert.equal(row?.createdAt, '2023-04-09T00:02:53.000Z');
    assert.deepEqual(row?.meta, {
      nonTextContent: {},
      emptyMessages: 0,
      toolCalls: 0,
      model: 'gpt-4-0314',
      language: 'English',
      turn: 1,
      toxic: false,
    });
    assert.equal(row?.messages[0]?.createdAt, '2023-04-09T00:02:50.000Z');
    assert.equal(row?.messages[1]?.model, 'gpt-4-0314');
    assert.equal(esconvLike?.meta?.emotion_type, 'sadness');
    assert.equal(JSON.stringify(esconvLike?.meta).includes('private'), false, 'situation is free text: never in meta');
    assert.deepEqual(esconvLike?.messages[1]?.meta, { strategy: 'Question' });
    assert.deepEqual(
      issues.map((i) => [i.position.line, i.code, i.conversationId]),
      [
        [2, 'invalid-json', undefined],
        [3, 'wrong-shape', 'beef'],
      ],
    );
    for (const problem of issues) assert.ok(!problem.reason.includes('private'), problem.reason);
  });

  for (const [relative, count] of [
    ['esconv/valid.jsonl', 195],
    ['smilechat-sample/smilechat_sample1500.jsonl', 1500],
    ['cpsycoun-zh/CPsyCounD_dialogues.jsonl', 3084],
  ] as const) {
    it(`reads ${relative}: every line, roles mapped, no free text in meta`, needsShared(relative), async () => {
      assert.ok(wildchatImporter.detect({ name: path.basename(relative), head: sharedHead(relative) }) >= 0.8);
      const { conversations, issues } = await collect(wildchatImporter, sharedFile(relative));
      assert.deepEqual(issues, []);
      assert.equal(conversations.length, count);
      for (const conversation of conversations) {
        assert.ok(conversation.messages.every((m) => m.role === 'user' || m.role === 'assistant'));
        assert.ok(conversation.messages.length > 0);
      }
      const first = conversations[0];
      if (relative.startsWith('esconv')) {
        assert.equal(first?.id, `${sharedPath(relative)}:1`);
        const seekerTurns = readFileSync(sharedPath(relative), 'utf8').split('"speaker": "usr"').length - 1;
        const userMessages = conversations.reduce((sum, c) => sum + c.messages.filter((m) => m.role === 'user').length, 0);
        assert.equal(userMessages, seekerTurns, 'usr (the help-seeker) is the user, sys (the supporter) the assistant');
        assert.ok(typeof first?.meta?.emotion_type === 'string' && typeof first.meta.survey_score === 'object');
        assert.ok(conversations.every((c) => !('situation' in (c.meta ?? {})) && !('seeker_question1' in (c.meta ?? {}))));
      } else assert.match(first?.id ?? '', /^(\d+|case_\d+)$/);
    });
  }

  for (const [relative, count] of [
    ['emollm-roleplay-zh/aiwei.json', 1600],
    ['emollm-roleplay-zh/tiangou.json', 1301],
  ] as const) {
    it(`reads the JSON array ${relative}: system first, input → user, output → assistant`, needsShared(relative), async () => {
      assert.ok(wildchatImporter.detect({ name: path.basename(relative), head: sharedHead(relative) }) >= 0.8);
      const { conversations, issues } = await collect(wildchatImporter, sharedFile(relative));
      assert.deepEqual(issues, []);
      assert.equal(conversations.length, count);
      assert.equal(conversations[5]?.id, `${sharedPath(relative)}:5`);
      const source = JSON.parse(readFileSync(sharedPath(relative), 'utf8')) as { conversation: { input: string }[] }[];
      const inputs = source.reduce((sum, record) => sum + record.conversation.length, 0);
      assert.equal(
        conversations.reduce((sum, c) => sum + c.messages.filter((m) => m.role === 'user').length, 0),
        inputs,
      );
      const withSystem = conversations.find((c) => c.messages.some((m) => m.role === 'system'));
      assert.equal(withSystem?.messages[0]?.role, 'system');
      assert.equal(withSystem?.messages[1]?.role, 'user');
    });
  }
});
