/**
 * MEASURES the shipped affective classifier on evaluation-only sets (never trained on, never used to
 * pick a threshold): the rate flagged affective / content creation on ordinary prompt sets (first user
 * turn, or the whole user side where the set has it), recall on ESConv, and the ESConv silver rows'
 * type F1; plus speed per conversation.
 * Run: node --import tsx scripts/train/affective-eval.ts [--show]   (--show prints evidence of hits, no text)
 */

import { loadAffectiveClassifier } from '../../src/facets/affective/index.ts';
import { AFFECTIVE_TYPES } from '../../src/facets/definitions.ts';
import { esconv, evaluationSets, type Item, silver } from './affective-data.ts';

const classifier = await loadAffectiveClassifier();
const show = process.argv.includes('--show');
const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

console.log('Ordinary (evaluation-only) sets: share flagged affective · content_creation');
let totalTime = 0;
let totalCalls = 0;
for (const [name, items] of Object.entries(evaluationSets())) {
  let affective = 0;
  let content = 0;
  const start = performance.now();
  for (const item of items) {
    const result = classifier.classifyUserTexts(item.user);
    if (result.affective.value.length > 0) {
      affective++;
      if (show) console.log(`   ${item.id} ${result.affective.value.join(',')} ${result.affective.evidence?.join(' ')}`);
    }
    if (result.content_creation.value) content++;
  }
  totalTime += performance.now() - start;
  totalCalls += items.length;
  console.log(
    `  ${name.padEnd(22)} n=${String(items.length).padEnd(5)} affective ${pct(affective / items.length).padStart(7)}   content_creation ${pct(content / items.length)}`,
  );
}

const conversations: Item[] = esconv();
let hits = 0;
const start = performance.now();
for (const item of conversations) if (classifier.classifyUserTexts(item.user).affective.value.length > 0) hits++;
const esconvMs = performance.now() - start;
console.log(
  `ESConv train+valid (all affective by construction): recall ${pct(hits / conversations.length)} (n=${conversations.length})`,
);

const rows = silver().filter((item) => item.source === 'silver:esconv');
const predicted = new Map(rows.map((item) => [item, classifier.classifyUserTexts(item.user).affective.value]));
console.log(`ESConv silver rows (n=${rows.length}, eval only):`);
for (const type of AFFECTIVE_TYPES) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const item of rows) {
    const t = Boolean(item.types?.includes(type));
    const g = (predicted.get(item) ?? []).includes(type);
    if (t && g) tp++;
    else if (g) fp++;
    else if (t) fn++;
  }
  if (tp + fp + fn === 0) continue;
  const p = tp / Math.max(1, tp + fp);
  const r = tp / Math.max(1, tp + fn);
  console.log(
    `  ${type.padEnd(26)} F1 ${(p + r ? (2 * p * r) / (p + r) : 0).toFixed(3)} P ${p.toFixed(3)} R ${r.toFixed(3)} (support ${tp + fn})`,
  );
}
console.log(
  `speed: ${((totalTime * 1000) / totalCalls).toFixed(1)} µs per prompt-set conversation, ${((esconvMs * 1000) / conversations.length).toFixed(1)} µs per ESConv conversation (~15 user turns)`,
);
