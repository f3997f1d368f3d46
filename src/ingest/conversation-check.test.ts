import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConversationSchema } from '../model.ts';
import { checkConversation, isCanonicalIsoTimestamp } from './conversation-check.ts';
import { ingest } from './ingest.ts';

const KEY = 'a'.repeat(64);
const PARTICIPANT = 'b'.repeat(32);

function base(): Record<string, unknown> {
  return {
    id: 'c1',
    key: KEY,
    source: 'chatgpt',
    participant: PARTICIPANT,
    title: 'A title',
    createdAt: '2024-02-29T10:00:00.000Z',
    messages: [
      { index: 0, role: 'user', text: 'hi', createdAt: '2024-02-29T10:00:01.000Z' },
      { index: 1, role: 'assistant', text: 'hello', model: 'gpt-4', meta: { attachments: ['image'] } },
    ],
    origin: { file: 'conversations.json', byteOffset: 1 },
    meta: { participantFrom: 'file', redactions: {} },
  };
}

/** The fast check never accepts what zod rejects, and when it accepts, its result is zod's, key order included. */
function agreesWithZod(candidate: unknown): 'fast' | 'zod' {
  const fast = checkConversation(candidate);
  const parsed = ConversationSchema.safeParse(candidate);
  if (fast === undefined) return 'zod';
  assert.ok(parsed.success, `fast check accepted what zod rejects: ${JSON.stringify(candidate)}`);
  assert.deepStrictEqual(fast, parsed.data);
  assert.equal(JSON.stringify(fast), JSON.stringify(parsed.data));
  return 'fast';
}

describe('checkConversation', () => {
  test('a well-formed conversation takes the fast path and equals zod output', () => {
    assert.equal(agreesWithZod(base()), 'fast');
    const minimal = { ...base() };
    delete minimal.title;
    delete minimal.createdAt;
    minimal.origin = { file: 'x.jsonl', byteOffset: 0, line: 1 };
    assert.equal(agreesWithZod(minimal), 'fast');
  });

  test('records are copied, as zod copies them', () => {
    const candidate = base();
    const fast = checkConversation(candidate)!;
    assert.notEqual(fast.meta, candidate.meta);
    assert.notEqual(fast.messages[1]!.meta, (candidate.messages as { meta?: unknown }[])[1]!.meta);
  });

  test('keys in another order come back in the schema order, like zod', () => {
    const { meta, origin, messages, ...rest } = base();
    assert.equal(agreesWithZod({ meta, origin, messages, ...rest }), 'fast');
  });

  const variants: [string, (c: Record<string, unknown>) => void][] = [
    ['empty id', (c) => (c.id = '')],
    ['bad key', (c) => (c.key = 'XYZ')],
    ['unknown source', (c) => (c.source = 'myspace')],
    ['short participant', (c) => (c.participant = 'abc')],
    ['title not a string', (c) => (c.title = 5)],
    ['title undefined', (c) => (c.title = undefined)],
    ['30 February', (c) => (c.createdAt = '2023-02-30T00:00:00.000Z')],
    ['offset timestamp', (c) => (c.createdAt = '2023-02-03T00:00:00+01:00')],
    ['no milliseconds', (c) => (c.createdAt = '2023-02-03T00:00:00Z')],
    ['hour 24', (c) => (c.createdAt = '2023-02-03T24:00:00.000Z')],
    ['not a timestamp', (c) => (c.createdAt = 'yesterday')],
    ['messages not an array', (c) => (c.messages = {})],
    ['negative index', (c) => ((c.messages as Record<string, unknown>[])[0]!.index = -1)],
    ['fractional index', (c) => ((c.messages as Record<string, unknown>[])[0]!.index = 0.5)],
    ['unknown role', (c) => ((c.messages as Record<string, unknown>[])[0]!.role = 'narrator')],
    ['text not a string', (c) => ((c.messages as Record<string, unknown>[])[0]!.text = null)],
    ['extra message key', (c) => ((c.messages as Record<string, unknown>[])[0]!.extra = 1)],
    ['message meta an array', (c) => ((c.messages as Record<string, unknown>[])[1]!.meta = [])],
    ['meta with __proto__', (c) => (c.meta = JSON.parse('{"__proto__": {"x": 1}, "a": 1}'))],
    ['meta with a symbol', (c) => (c.meta = { [Symbol('s')]: 1, a: 1 })],
    ['meta with a class instance', (c) => (c.meta = new Map())],
    ['meta null', (c) => (c.meta = null)],
    ['line 0', (c) => (c.origin = { file: 'f', line: 0 })],
    ['byteOffset not an integer', (c) => (c.origin = { file: 'f', byteOffset: 1.5 })],
    ['origin without file', (c) => (c.origin = { byteOffset: 1 })],
    ['extra top-level key', (c) => (c.extra = true)],
    ['model not a string', (c) => ((c.messages as Record<string, unknown>[])[1]!.model = 4)],
  ];
  for (const [name, change] of variants) {
    test(`unsure or invalid: ${name}`, () => {
      const candidate = base();
      change(candidate);
      assert.equal(checkConversation(candidate), undefined, name);
      agreesWithZod(candidate);
    });
  }

  test('canonical timestamps', () => {
    assert.equal(isCanonicalIsoTimestamp('2000-02-29T23:59:59.999Z'), true);
    assert.equal(isCanonicalIsoTimestamp('1900-02-29T00:00:00.000Z'), false);
    assert.equal(isCanonicalIsoTimestamp('2024-13-01T00:00:00.000Z'), false);
    assert.equal(isCanonicalIsoTimestamp(1700000000000), false);
    // Every day of a leap and a common year, and the days after each month's end, agree with Date.
    for (const year of [1900, 2000, 2023, 2024]) {
      for (let month = 1; month <= 12; month++) {
        for (let day = 1; day <= 32; day++) {
          const text = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T23:59:59.999Z`;
          const real = !Number.isNaN(Date.parse(text)) && new Date(Date.parse(text)).toISOString() === text;
          assert.equal(isCanonicalIsoTimestamp(text), real, text);
        }
      }
    }
    for (const time of ['24:00:00.000', '23:60:00.000', '23:59:60.000']) {
      assert.equal(isCanonicalIsoTimestamp(`2024-01-01T${time}Z`), false, time);
    }
  });

  test('every conversation of the demo export takes the fast path, equal to zod', async () => {
    let fast = 0;
    for await (const event of ingest(['examples/demo-export'], { participantKey: Buffer.alloc(32, 3) })) {
      if (event.kind !== 'conversation') continue;
      // The finalized conversation is what zod would return; run both on a copy of its shape.
      const candidate = structuredClone(event.conversation);
      if (agreesWithZod(candidate) === 'fast') fast += 1;
    }
    assert.ok(fast > 10, `only ${fast} conversations took the fast path`);
  });
});
