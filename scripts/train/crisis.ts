/**
 * Trains the distress model of the crisis facet → models/crisis-distress.json, and prints held-out
 * numbers for the whole facet (risk rules + distress model).
 *
 *   node --import tsx scripts/train/crisis.ts
 *
 * Training data (permissive licences only): silver-labels rows from permissive sources (crisis ≠ none
 * → 1), counsel-chat questions (weak labels from the site topic), and ordinary-use negatives:
 * hh-rlhf-harmless, the real ChatGPT export, XSTest prompts, CPED-zh neutral dialogue lines.
 * Splits: 30% of every set is held out by a stable hash of the item id. The threshold is chosen on
 * out-of-fold scores of the training part (5 folds): the lowest one whose false-alarm rate on the
 * ordinary-use negatives stays ≤ 1%, among those the best silver F1. esconv silver rows and the
 * ordinary-chat sets (arena-hard, oasst1, alpaca-eval, belle, alignbench) are measured only.
 * Deterministic: a seeded trainer, hash splits, sorted inputs → the same file byte for byte.
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { distressFeatures } from '../../src/facets/crisis/features.ts';
import { crisisFromFile } from '../../src/facets/crisis/index.ts';
import type { CrisisLevel } from '../../src/facets/definitions.ts';
import type { Features } from '../../src/facets/linear/features.ts';
import {
  LinearModel,
  type LinearModelFile,
  type TrainingExample,
  trainLinearModel,
} from '../../src/facets/linear/linear-model.ts';
import { readDatasetCsv } from './shared-data.ts';
import {
  contextOf,
  type Item,
  loadAlignbench,
  loadAlpacaEval,
  loadArenaHard,
  loadBelle,
  loadChatgptExport,
  loadCounselChat,
  loadHhRlhf,
  loadOasstEnFirstTurns,
  loadSilver,
  loadXstestPrompts,
  metrics,
  stableFraction,
  textKey,
} from './user-facet-data.ts';

const HELD_OUT = 0.3;
const MAX_FALSE_ALARM = 0.01;
const TRAIN_OPTIONS = { epochs: 10, learningRate: 0.3, l2: 2e-5, seed: 7, maxWeights: 20_000 };
const DISTRESS_TOPICS = new Set([
  'depression',
  'anxiety',
  'trauma',
  'grief-and-loss',
  'self-harm',
  'stress',
  'eating-disorders',
  'sleep-improvement',
]);
const PROXY_TOPICS = new Set(['depression', 'self-harm']);

const heldOut = (item: Item) => stableFraction(item.id) < HELD_OUT;

interface Row {
  item: Item;
  label: 0 | 1;
  weight: number;
  /** Where it counts for the threshold choice: silver (F1) or negative (false alarms). */
  role: 'silver' | 'negative' | 'weak';
  features?: Features;
}

/** CPED-zh validation dialogues: the neutral lines of each dialogue, as Chinese everyday-speech negatives. */
function loadCpedNeutral(): Item[] {
  const rows = readDatasetCsv('cped-zh/valid_split.csv');
  const dialogues = new Map<string, string[]>();
  for (const row of rows) {
    if (row.Sentiment !== 'neutral') continue;
    const id = row.Dialogue_ID as string;
    const lines = dialogues.get(id) ?? [];
    lines.push(row.Utterance as string);
    dialogues.set(id, lines);
  }
  return [...dialogues.entries()]
    .filter(([, lines]) => lines.length >= 2)
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([id, lines]) => ({ id: `cped-${id}`, set: 'cped-zh', user: [lines.join('，')], assistant: [] }));
}

function main(): void {
  const started = performance.now();
  const silver = loadSilver();
  const silverKeys = new Set(silver.map(textKey));
  const fresh = (items: Item[]) => items.filter((item) => !silverKeys.has(textKey(item)) && item.user.length > 0);
  const permissiveSilver = silver.filter((item) => item.permissive);
  const esconvSilver = silver.filter((item) => item.set === 'esconv');
  const counsel = fresh(loadCounselChat());
  const negatives = {
    'hh-rlhf-harmless': fresh(loadHhRlhf()),
    'export-format-samples': fresh(loadChatgptExport()),
    xstest: fresh(loadXstestPrompts()),
    'cped-zh': loadCpedNeutral(),
  };

  const rows: Row[] = [];
  for (const item of permissiveSilver) rows.push({ item, label: item.crisis === 'none' ? 0 : 1, weight: 2, role: 'silver' });
  for (const item of counsel) {
    const distressTopic = DISTRESS_TOPICS.has((item as { topic?: string }).topic ?? '');
    rows.push({ item, label: distressTopic ? 1 : 0, weight: distressTopic ? 0.5 : 0.25, role: 'weak' });
  }
  for (const [set, items] of Object.entries(negatives)) {
    for (const item of items) rows.push({ item, label: 0, weight: set === 'cped-zh' ? 0.5 : 1, role: 'negative' });
  }
  for (const row of rows) row.features = distressFeatures(row.item.user);
  const train = rows.filter((row) => !heldOut(row.item));
  const toExample = (row: Row): TrainingExample => ({ features: row.features as Features, label: row.label, weight: row.weight });

  // Out-of-fold scores on the training part for the threshold choice.
  const folds = 5;
  const oof: { probability: number; row: Row }[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const inFold = (row: Row) => Math.floor(stableFraction(row.item.id, 'fold') * folds) === fold;
    const trained = trainLinearModel(train.filter((row) => !inFold(row)).map(toExample), TRAIN_OPTIONS);
    const model = new LinearModel({ id: 'fold', version: 1, trainedOn: [], threshold: 0.5, ...trained });
    for (const row of train.filter(inFold)) oof.push({ probability: model.probability(row.features as Features), row });
  }
  const threshold = chooseThreshold(oof);
  const trained = trainLinearModel(train.map(toExample), TRAIN_OPTIONS);
  const file: LinearModelFile = {
    id: 'crisis-distress',
    version: 1,
    trainedOn: [
      'silver-labels (permissive sources)',
      'counsel-chat',
      'hh-rlhf-harmless',
      'export-format-samples (ChatGPT)',
      'xstest (prompts)',
      'cped-zh',
    ],
    threshold,
    ...trained,
  };
  const crisis = crisisFromFile(file);

  // Held-out: the whole facet on silver rows (3 levels).
  const validation: Record<string, number> = { threshold };
  const report = (name: string, items: typeof silver) => {
    const predicted = items.map((item) => ({ item, level: crisis.detect(contextOf(item)).value }));
    const at = (level: CrisisLevel) =>
      metrics(predicted.map(({ item, level: p }) => ({ predicted: p === level, actual: item.crisis === level })));
    const any = metrics(predicted.map(({ item, level }) => ({ predicted: level !== 'none', actual: item.crisis !== 'none' })));
    const risk = at('risk');
    const distress = at('distress');
    console.log(
      `${name} (n=${items.length}): risk P ${risk.precision} R ${risk.recall} (${risk.positives} rated risk) · distress P ${distress.precision} R ${distress.recall} (${distress.positives}) · any-crisis P ${any.precision} R ${any.recall} F1 ${any.f1}`,
    );
    Object.assign(validation, {
      [`${name}.n`]: items.length,
      [`${name}.risk_positives`]: risk.positives,
      [`${name}.risk_precision`]: risk.precision,
      [`${name}.risk_recall`]: risk.recall,
      [`${name}.distress_positives`]: distress.positives,
      [`${name}.distress_precision`]: distress.precision,
      [`${name}.distress_recall`]: distress.recall,
      [`${name}.any_f1`]: any.f1,
    });
  };
  report('silver_permissive_heldout', permissiveSilver.filter(heldOut));
  report('silver_permissive_all_rules', permissiveSilver);
  report('silver_esconv_eval_only', esconvSilver);

  const alarmRates = (name: string, items: Item[]) => {
    let risk = 0;
    let distress = 0;
    for (const item of items) {
      const level = crisis.detect(contextOf(item)).value;
      if (level === 'risk') risk++;
      else if (level === 'distress') distress++;
    }
    const rate = (x: number) => Math.round((x / Math.max(1, items.length)) * 10000) / 10000;
    console.log(`${name} (n=${items.length}): risk ${rate(risk)} (${risk}) · distress ${rate(distress)} (${distress})`);
    validation[`${name}.n`] = items.length;
    validation[`${name}.risk_rate`] = rate(risk);
    validation[`${name}.distress_rate`] = rate(distress);
  };
  console.log('\nfalse alarms, permissive negatives (held-out part):');
  for (const [set, items] of Object.entries(negatives)) alarmRates(`fa_heldout.${set}`, items.filter(heldOut));
  alarmRates(
    'fa_heldout.all_negatives',
    Object.values(negatives).flatMap((items) => items.filter(heldOut)),
  );
  console.log(
    '\ncounsel-chat proxy (no clinically rated set exists in shared/): held-out questions of the depression and self-harm topics',
  );
  alarmRates(
    'counsel_proxy_heldout',
    counsel.filter((item) => heldOut(item) && PROXY_TOPICS.has((item as { topic?: string }).topic ?? '')),
  );
  console.log('\nordinary chats, evaluation only (first user turns; measured, never trained or tuned on):');
  const evalSets: [string, Item[]][] = [
    ['arena-hard-prompts', loadArenaHard()],
    ['oasst1-en-val', loadOasstEnFirstTurns()],
    ['alpaca-eval', loadAlpacaEval()],
    ['belle-eval-zh', loadBelle()],
    ['alignbench-zh', loadAlignbench()],
  ];
  for (const [set, items] of evalSets) alarmRates(`fa_eval.${set}`, items);

  // Speed: the whole facet per conversation on the ChatGPT export and the silver rows.
  const timed = [...negatives['export-format-samples'], ...silver].map((item) => contextOf(item));
  for (const context of timed.slice(0, 50)) crisis.detect(context);
  const t0 = performance.now();
  for (let round = 0; round < 3; round++) for (const context of timed) crisis.detect(context);
  const perCall = (performance.now() - t0) / (3 * timed.length);
  console.log(`\nspeed: ${perCall.toFixed(3)} ms per conversation (ChatGPT export + silver rows, ${timed.length} conversations)`);

  file.validation = validation;
  const out = new URL('../../models/crisis-distress.json', import.meta.url);
  writeFileSync(out, `${JSON.stringify(file)}\n`);
  console.log(
    `\nwrote models/crisis-distress.json: ${file.weights.length} weights, threshold ${threshold}, ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

/** Lowest threshold with ≤ 1% out-of-fold false alarms on the ordinary-use negatives; best silver F1 among those. */
function chooseThreshold(scored: { probability: number; row: Row }[]): number {
  const negatives = scored.filter((s) => s.row.role === 'negative').map((s) => s.probability);
  const silver = scored.filter((s) => s.row.role === 'silver');
  let best = 0.99;
  let bestF1 = -1;
  for (let t = 0.3; t <= 0.99; t += 0.01) {
    const threshold = Math.round(t * 100) / 100;
    const alarms = negatives.filter((p) => p >= threshold).length / Math.max(1, negatives.length);
    if (alarms > MAX_FALSE_ALARM) continue;
    const { f1 } = metrics(silver.map((s) => ({ predicted: s.probability >= threshold, actual: s.row.label === 1 })));
    if (f1 > bestF1) {
      bestF1 = f1;
      best = threshold;
    }
  }
  console.log(
    `threshold ${best}: out-of-fold silver F1 ${bestF1} with ≤ ${MAX_FALSE_ALARM * 100}% false alarms on the negatives`,
  );
  return best;
}

main();
