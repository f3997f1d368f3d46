/**
 * Facet speed: classifySync over real conversations (the ChatGPT export, hh-rlhf, silver labels) or
 * the given inputs, in ms per conversation on one core, and the memory the loaded models take.
 *   node --import tsx scripts/bench-facets.ts [--limit 2000] [--rounds 1] [--input FILE …]
 */
import { parseArgs } from 'node:util';
import { createEmbeddedBackend } from '../src/facets/embedded-backend.ts';
import { ingest } from '../src/ingest/ingest.ts';
import type { Conversation } from '../src/model.ts';
import { sharedPath } from '../src/testing/shared-datasets.ts';

const { values } = parseArgs({
  options: {
    limit: { type: 'string', default: '2000' },
    rounds: { type: 'string', default: '1' },
    input: { type: 'string', multiple: true },
  },
});
const limit = Number(values.limit);
const sources = values.input ?? [
  sharedPath('export-format-samples/chatgpt-real-export-pkuppens/conversations.json'),
  sharedPath('silver-labels/conversations.jsonl'),
  sharedPath('hh-rlhf-harmless/harmless-base_test_dev.jsonl'),
];
const conversations: Conversation[] = [];
for await (const event of ingest(sources, { participantKey: Buffer.alloc(32) })) {
  if (event.kind === 'conversation' && conversations.length < limit) conversations.push(event.conversation);
}
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
globalThis.gc?.();
const before = process.memoryUsage();
const loadStarted = performance.now();
const backend = await createEmbeddedBackend();
const loadMs = performance.now() - loadStarted;
globalThis.gc?.();
const after = process.memoryUsage();
console.log(
  `models loaded in ${loadMs.toFixed(0)} ms: +${mb(after.rss - before.rss)} RSS, +${mb(after.heapUsed - before.heapUsed)} heap, ` +
    `+${mb(after.external - before.external)} external${globalThis.gc ? '' : ' (run with --expose-gc for steadier numbers)'}`,
);
for (const conversation of conversations.slice(0, 50)) backend.classifySync(conversation); // warm up
const chars = conversations.reduce((sum, c) => sum + c.messages.reduce((s, m) => s + m.text.length, 0), 0);
console.log(`${conversations.length} conversations, ${(chars / conversations.length).toFixed(0)} chars on average`);
for (let round = 0; round < Number(values.rounds); round++) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (const conversation of conversations) backend.classifySync(conversation);
  const total = performance.now() - started;
  const used = process.cpuUsage(cpu);
  console.log(
    `classifySync: ${(total / conversations.length).toFixed(3)} ms per conversation (one core), ` +
      `${((used.user + used.system) / 1000 / conversations.length).toFixed(3)} ms CPU time (steadier on a busy machine)`,
  );
}
globalThis.gc?.();
const end = process.memoryUsage();
console.log(`at the end: RSS ${mb(end.rss)}, heap ${mb(end.heapUsed)}, external ${mb(end.external)}`);
