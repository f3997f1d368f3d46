/**
 * Facet speed: classifySync over real conversations (the ChatGPT export, hh-rlhf, silver labels),
 * per facet part and in total, in ms per conversation on one core.
 *   node --import tsx scripts/bench-facets.ts [--limit 2000]
 */
import { parseArgs } from 'node:util';
import { createEmbeddedBackend } from '../src/facets/embedded-backend.ts';
import { ingest } from '../src/ingest/ingest.ts';
import type { Conversation } from '../src/model.ts';
import { sharedPath } from '../src/testing/shared-datasets.ts';

const { values } = parseArgs({ options: { limit: { type: 'string', default: '2000' } } });
const limit = Number(values.limit);
const sources = [
  'export-format-samples/chatgpt-real-export-pkuppens/conversations.json',
  'silver-labels/conversations.jsonl',
  'hh-rlhf-harmless/harmless-base_test_dev.jsonl',
];
const conversations: Conversation[] = [];
for await (const event of ingest(sources.map(sharedPath), { participantKey: Buffer.alloc(32) })) {
  if (event.kind === 'conversation' && conversations.length < limit) conversations.push(event.conversation);
}
const backend = await createEmbeddedBackend();
for (const conversation of conversations.slice(0, 50)) backend.classifySync(conversation); // warm up
const started = performance.now();
for (const conversation of conversations) backend.classifySync(conversation);
const total = performance.now() - started;
const chars = conversations.reduce((sum, c) => sum + c.messages.reduce((s, m) => s + m.text.length, 0), 0);
console.log(`${conversations.length} conversations, ${(chars / conversations.length).toFixed(0)} chars on average`);
console.log(`classifySync: ${(total / conversations.length).toFixed(3)} ms per conversation (one core)`);
