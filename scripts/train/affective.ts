/**
 * Trains the affective facet's models from PERMISSIVE sets only and writes
 *   models/affective-gate.json   stage 1: is the conversation affective? (logistic regression)
 *   models/affective-types.json  stage 2: one-vs-rest type models among affective conversations
 * Run: node --import tsx scripts/train/affective.ts   (reproducible: same bytes on rerun)
 *
 * Positives: counsel-chat questions, cpsycoun-zh and smilechat-sample client turns, emollm-roleplay-zh
 * user turns, affective silver rows from permissive sources. Negatives: hh-rlhf-harmless (red team),
 * the real ChatGPT export (rows without silver labels), xstest prompts, CPED TV dialogue (Chinese
 * everyday talk), hand-written EN/ZH task requests, non-affective permissive silver rows.
 * Held out: 20% of every bulk set, 30% of the permissive silver rows, and ALL 100 silver-labelled
 * ChatGPT export rows (the prevalence check on real assistant logs). ESConv is never read here.
 * The gate threshold is the lowest whose mean false-positive rate over the held-out ordinary
 * assistant-chat negatives (hh-rlhf, xstest, ChatGPT export rows without silver labels) is ≤ 1%.
 */
import { writeFileSync } from 'node:fs';
import { affectiveFeatures, cueHits, viewOf } from '../../src/facets/affective/features.ts';
import {
  type AffectiveTypesFile,
  createAffectiveClassifier,
  MODELLED_TYPES,
  type ModelledType,
} from '../../src/facets/affective/index.ts';
import { AFFECTIVE_TYPES, type AffectiveType } from '../../src/facets/definitions.ts';
import type { Features } from '../../src/facets/linear/features.ts';
import {
  LinearModel,
  type LinearModelFile,
  type TrainingExample,
  trainLinearModel,
} from '../../src/facets/linear/linear-model.ts';
import {
  chatgptExport,
  counselChat,
  cped,
  cpsycoun,
  emollm,
  hhRlhf,
  type Item,
  key,
  silver,
  smilechat,
  unit,
  xstestPrompts,
} from './affective-data.ts';
import { syntheticAffectiveRequests, syntheticTaskRequests } from './affective-synthetic.ts';

const MODELS = new URL('../../models/', import.meta.url);
const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;

// ---- data ------------------------------------------------------------------------------------
const silverRows = silver();
const silverKeys = new Set(silverRows.map((item) => key(item.user[0])));
const permissiveSilver = silverRows.filter((item) => !item.source.startsWith('silver:esconv'));
const chatgptSilver = permissiveSilver.filter((item) => item.source === 'silver:export-format-samples');
const otherSilver = permissiveSilver.filter((item) => item.source !== 'silver:export-format-samples');
const silverTrain = otherSilver.filter((item) => unit(item.id) < 0.7);
const silverHeld = otherSilver.filter((item) => unit(item.id) >= 0.7);

const bulk = [
  ...counselChat(),
  ...cpsycoun(),
  ...smilechat(),
  ...emollm(),
  ...hhRlhf(),
  ...xstestPrompts(),
  ...chatgptExport(),
  ...cped(),
  ...syntheticTaskRequests(),
  ...syntheticAffectiveRequests(),
].filter((item) => item.user.length > 0 && !silverKeys.has(key(item.user[0])));
const bulkTrain = bulk.filter((item) => unit(item.id) < 0.8);
const bulkHeld = bulk.filter((item) => unit(item.id) >= 0.8);

const featureCache = new Map<Item, Features>();
function features(item: Item): Features {
  let f = featureCache.get(item);
  if (!f) {
    const view = viewOf(item.user);
    f = affectiveFeatures(view, cueHits(view));
    featureCache.set(item, f);
  }
  return f;
}

/** Every (source, label) group weighs the same in training, whatever its size. */
function balancedExamples(items: Item[], label: (item: Item) => 0 | 1, perGroup = 400): TrainingExample[] {
  const counts = new Map<string, number>();
  const group = (item: Item) => `${item.source}|${label(item)}`;
  for (const item of items) counts.set(group(item), (counts.get(group(item)) ?? 0) + 1);
  return items.map((item) => ({
    features: features(item),
    label: label(item),
    weight: Math.min(3, perGroup / (counts.get(group(item)) as number)),
  }));
}

// ---- stage 1: the gate -----------------------------------------------------------------------
const gateTrainItems = [...bulkTrain, ...silverTrain];
const gateExamples = balancedExamples(gateTrainItems, (item) => (item.affective ? 1 : 0));
const gateWeights = trainLinearModel(gateExamples, { epochs: 10, learningRate: 0.3, l2: 2e-6, seed: 7, maxWeights: 14_000 });
const provisionalGate: LinearModelFile = {
  id: 'affective-gate',
  version: 1,
  trainedOn: [],
  threshold: 0.5,
  ...gateWeights,
};
const gateModel = new LinearModel(provisionalGate);
const gateScore = (item: Item) => gateModel.probability(features(item));

const NEGATIVE_CALIBRATION_SOURCES = ['hh-rlhf-harmless', 'xstest', 'chatgpt-export'];
const heldNegativesBySource = new Map<string, number[]>();
for (const item of bulkHeld)
  if (!item.affective && NEGATIVE_CALIBRATION_SOURCES.includes(item.source))
    heldNegativesBySource.set(item.source, [...(heldNegativesBySource.get(item.source) ?? []), gateScore(item)]);
function meanFpr(threshold: number): number {
  let sum = 0;
  for (const source of NEGATIVE_CALIBRATION_SOURCES) {
    const scores = heldNegativesBySource.get(source) ?? [];
    sum += scores.filter((s) => s >= threshold).length / Math.max(1, scores.length);
  }
  return sum / NEGATIVE_CALIBRATION_SOURCES.length;
}
let threshold = 0.99;
for (let t = 0.99; t >= 0.05; t -= 0.005) {
  if (meanFpr(t) <= 0.01) threshold = t;
  else break;
}
threshold = round(threshold, 3);
for (const t of [0.3, 0.5, 0.7, 0.9, 0.95]) console.log(`  threshold ${t}: mean held-out FPR ${round(meanFpr(t))}`);

// ---- stage 2: types --------------------------------------------------------------------------
const typeTrainItems = [
  ...bulkTrain.filter((item) => item.source === 'counsel-chat' && item.types),
  ...silverTrain.filter((item) => item.affective),
  ...bulkTrain.filter((item) => item.source.startsWith('syn-aff')),
];
const typeFiles = {} as Record<ModelledType, LinearModelFile>;
for (const type of MODELLED_TYPES) {
  const examples = balancedExamples(typeTrainItems, (item) => (item.types?.includes(type) ? 1 : 0), 300);
  const weights = trainLinearModel(examples, { epochs: 10, learningRate: 0.3, l2: 1e-5, seed: 11, maxWeights: 4_000 });
  typeFiles[type] = { id: `affective-type-${type}`, version: 1, trainedOn: [], threshold: 0.5, ...weights };
}

// ---- held-out metrics ------------------------------------------------------------------------
const gateFile: LinearModelFile = { ...provisionalGate, threshold };
const typesFile: AffectiveTypesFile = { id: 'affective-types', version: 1, trainedOn: [], models: typeFiles };
const classifier = createAffectiveClassifier(gateFile, typesFile);
const predict = (item: Item) => classifier.classifyUserTexts(item.user).affective.value;

const validation: Record<string, number> = { threshold };
console.log(`gate threshold ${threshold} (mean held-out ordinary FPR ${round(meanFpr(threshold))})`);
const bySource = new Map<string, Item[]>();
for (const item of bulkHeld) bySource.set(item.source, [...(bySource.get(item.source) ?? []), item]);
for (const [source, items] of [...bySource.entries()].sort()) {
  const rate = items.filter((item) => predict(item).length > 0).length / items.length;
  const name = items[0]?.affective ? `heldout_recall:${source}` : `heldout_fpr:${source}`;
  validation[name] = round(rate);
  console.log(`${name.padEnd(44)} ${rate.toFixed(4)}  (n=${items.length})`);
}

function binaryF1(items: Item[], truth: (item: Item) => boolean, guess: (item: Item) => boolean) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const item of items) {
    const t = truth(item);
    const g = guess(item);
    if (t && g) tp++;
    else if (g) fp++;
    else if (t) fn++;
  }
  const p = tp / Math.max(1, tp + fp);
  const r = tp / Math.max(1, tp + fn);
  return { f1: p + r === 0 ? 0 : (2 * p * r) / (p + r), p, r, n: items.length, support: tp + fn };
}

export function silverReport(name: string, items: Item[], out: Record<string, number>): void {
  const predictions = new Map(items.map((item) => [item, predict(item)]));
  const aff = binaryF1(
    items,
    (i) => Boolean(i.affective),
    (i) => (predictions.get(i) ?? []).length > 0,
  );
  out[`${name}:affective_f1`] = round(aff.f1);
  console.log(
    `${name}: affective F1 ${aff.f1.toFixed(3)} P ${aff.p.toFixed(3)} R ${aff.r.toFixed(3)} (n=${aff.n}, positives ${aff.support})`,
  );
  for (const type of AFFECTIVE_TYPES) {
    const r = binaryF1(
      items,
      (i) => Boolean(i.types?.includes(type)),
      (i) => (predictions.get(i) ?? []).includes(type as AffectiveType),
    );
    if (r.support === 0 && r.p === 0) continue;
    out[`${name}:${type}_f1`] = round(r.f1);
    console.log(`  ${type.padEnd(26)} F1 ${r.f1.toFixed(3)} P ${r.p.toFixed(3)} R ${r.r.toFixed(3)} (support ${r.support})`);
  }
}
silverReport('silver_heldout_permissive', silverHeld, validation);
silverReport('silver_chatgpt_export', chatgptSilver, validation);
const predictedRate = chatgptSilver.filter((item) => predict(item).length > 0).length / chatgptSilver.length;
const silverRate = chatgptSilver.filter((item) => item.affective).length / chatgptSilver.length;
validation['chatgpt_export:prevalence_predicted'] = round(predictedRate);
validation['chatgpt_export:prevalence_silver'] = round(silverRate);
console.log(
  `ChatGPT export (100 silver rows, never trained on): predicted prevalence ${(predictedRate * 100).toFixed(1)}% vs silver ${(silverRate * 100).toFixed(1)}%  → error ${(Math.abs(predictedRate - silverRate) * 100).toFixed(1)} pp`,
);
const contentF1 = binaryF1(
  chatgptSilver,
  (i) => Boolean(i.contentCreation),
  (i) => classifier.classifyUserTexts(i.user).content_creation.value,
);
validation['silver_chatgpt_export:content_creation_f1'] = round(contentF1.f1);
console.log(
  `content_creation on the ChatGPT export silver rows: F1 ${contentF1.f1.toFixed(3)} P ${contentF1.p.toFixed(3)} R ${contentF1.r.toFixed(3)} (support ${contentF1.support})`,
);

// ---- write -----------------------------------------------------------------------------------
const trainedOn = [
  'counsel-chat',
  'cpsycoun-zh',
  'smilechat-sample',
  'emollm-roleplay-zh',
  'hh-rlhf-harmless',
  'xstest (prompts)',
  'export-format-samples/chatgpt-real-export-pkuppens (rows without silver labels)',
  'cped-zh',
  'silver-labels (permissive sources, 70% split)',
  'hand-written EN/ZH task requests (scripts/train/affective-synthetic.ts)',
];
const gateOut: LinearModelFile = { ...gateFile, trainedOn, validation };
const typesOut: AffectiveTypesFile = {
  ...typesFile,
  trainedOn: ['counsel-chat (topics mapped to types)', 'silver-labels (permissive sources, 70% split)'],
  validation: Object.fromEntries(Object.entries(validation).filter(([k]) => k.includes('_f1'))),
};
writeFileSync(new URL('affective-gate.json', MODELS), `${JSON.stringify(gateOut)}\n`);
writeFileSync(new URL('affective-types.json', MODELS), `${JSON.stringify(typesOut)}\n`);
console.log(
  `wrote models/affective-gate.json (${gateOut.weights.length} weights), models/affective-types.json (${MODELLED_TYPES.map((t) => typeFiles[t].weights.length).join('+')} weights)`,
);
