/**
 * Measures the rule-based anthropomorphism facet (nothing is trained: the permissive silver rows hold
 * too few positives). Prints precision/recall on silver rows and positive rates on ordinary chat.
 *
 *   node --import tsx scripts/train/anthropomorphism.ts
 *
 * Evaluation-only sets (esconv, sharegpt-sample-en, arena-hard, oasst1-zh) are measured, never tuned on.
 */
import { performance } from 'node:perf_hooks';
import { loadAnthropomorphismDetector } from '../../src/facets/anthropomorphism/index.ts';
import {
  contextOf,
  type Item,
  loadArenaHard,
  loadChatgptExport,
  loadEmollm,
  loadHhRlhf,
  loadOasstZh,
  loadSharegpt,
  loadSilver,
  loadXstestPrompts,
  metrics,
} from './user-facet-data.ts';

const detector = await loadAnthropomorphismDetector();
const silver = loadSilver();
const report = (name: string, items: typeof silver) => {
  const m = metrics(items.map((item) => ({ predicted: detector.detect(contextOf(item)).value, actual: item.anthropomorphism })));
  console.log(`${name} (n=${m.n}, ${m.positives} rated positive): P ${m.precision} R ${m.recall} F1 ${m.f1}`);
};
report(
  'silver, permissive sources',
  silver.filter((item) => item.permissive),
);
report(
  'silver, esconv (eval only; human supporter)',
  silver.filter((item) => item.set === 'esconv'),
);
report('silver, all', silver);

const rate = (name: string, items: Item[]) => {
  const hits = items.filter((item) => detector.detect(contextOf(item)).value).length;
  console.log(`${name} (n=${items.length}): positive rate ${(hits / Math.max(1, items.length)).toFixed(4)} (${hits})`);
};
console.log('\npositive rates (ordinary chat: false positives unless the chat really is one):');
rate('hh-rlhf-harmless', loadHhRlhf());
rate('ChatGPT export', loadChatgptExport());
rate('xstest prompts', loadXstestPrompts());
rate('sharegpt-sample-en (eval only)', loadSharegpt());
rate('arena-hard-prompts (eval only)', loadArenaHard());
rate('oasst1-zh (eval only)', loadOasstZh());
rate('emollm-roleplay-zh (persona bots; rate, not an error rate)', loadEmollm());

const timed = [...loadChatgptExport(), ...silver].map((item) => contextOf(item));
const t0 = performance.now();
for (let round = 0; round < 3; round++) for (const context of timed) detector.detect(context);
console.log(
  `\nspeed: ${((performance.now() - t0) / (3 * timed.length)).toFixed(4)} ms per conversation (${timed.length} conversations)`,
);
