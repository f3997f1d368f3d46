/**
 * Memory of the facet workers: process RSS with 0, 1 and 2 worker threads that each load the
 * embedded backend and classify the same conversations (the pool's worker module, as the CLI runs it).
 *   node --import tsx scripts/bench-facet-memory.ts [--input FILE] [--limit 300] [--threads 2]
 */
import { parseArgs } from 'node:util';
import { Piscina } from 'piscina';
import { ingest } from '../src/ingest/ingest.ts';
import type { Conversation } from '../src/model.ts';
import { sharedPath } from '../src/testing/shared-datasets.ts';

const { values } = parseArgs({
  options: {
    input: { type: 'string', multiple: true },
    limit: { type: 'string', default: '300' },
    threads: { type: 'string', default: '2' },
    young: { type: 'string' },
  },
});
const sources = values.input ?? [
  sharedPath('export-format-samples/chatgpt-real-export-pkuppens/conversations.json'),
  sharedPath('silver-labels/conversations.jsonl'),
];
const conversations: Conversation[] = [];
for await (const event of ingest(sources, { participantKey: Buffer.alloc(32) })) {
  if (event.kind === 'conversation' && conversations.length < Number(values.limit)) conversations.push(event.conversation);
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const settle = async () => {
  globalThis.gc?.();
  await new Promise((resolve) => setTimeout(resolve, 200));
  return process.memoryUsage().rss;
};

const filename = new URL('../src/facets/facet-worker.ts', import.meta.url).href;
const base = await settle();
console.log(`${conversations.length} conversations; RSS without workers: ${mb(base)}`);
const pools: Piscina[] = [];
let previous = base;
for (let i = 1; i <= Number(values.threads); i++) {
  // One pool of one thread per step, so each step adds exactly one loaded worker.
  const pool = new Piscina({
    filename,
    execArgv: ['--import', 'tsx'],
    minThreads: 1,
    maxThreads: 1,
    ...(values.young ? { resourceLimits: { maxYoungGenerationSizeMb: Number(values.young) } } : {}),
  });
  pools.push(pool);
  for (let start = 0; start < conversations.length; start += 64) {
    await pool.run({ conversations: conversations.slice(start, start + 64), explain: false }); // batches as the pool sends them
  }
  const rss = await settle();
  console.log(`${i} worker(s): RSS ${mb(rss)} (+${mb(rss - previous)} for this one)`);
  previous = rss;
}
await Promise.all(pools.map((pool) => pool.destroy()));
