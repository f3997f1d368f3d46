/**
 * The evaluation: loads every development set present under ../shared/datasets, runs the evaluated
 * backend and the baselines over them, and returns the table's rows in a fixed order. Nothing here
 * prints message text; the log gets one line per dataset (or per skipped dataset).
 */
import { AFFECTIVE_TYPES, type CrisisLevel } from '../facets/definitions.ts';
import type { Conversation } from '../model.ts';
import {
  type BaselineConversation,
  baselineConversation,
  baselinePolarity,
  crisisBaseline,
  emotionalDisclosureBaseline,
  informationalDisclosureBaseline,
  type Polarity,
  polarityOf,
  refusalBaseline,
} from './baselines.ts';
import { loadChatgptExport } from './datasets/chatgpt-export.ts';
import { loadClaff } from './datasets/claff.ts';
import { loadClue } from './datasets/clue.ts';
import { type LoadOptions, stableHash } from './datasets/common.ts';
import { loadCounselChat } from './datasets/counsel-chat.ts';
import { loadCped } from './datasets/cped.ts';
import { loadEsconv } from './datasets/esconv.ts';
import { type GoEmotionsPolarity, loadGoEmotions } from './datasets/goemotions.ts';
import { loadHhRlhf } from './datasets/hh-rlhf.ts';
import { loadMeld } from './datasets/meld.ts';
import { loadOrdinaryUse, ORDINARY_USE_SETS, poolOrdinaryUse } from './datasets/ordinary-use.ts';
import { loadSilverLabels, type SilverLabel } from './datasets/silver-labels.ts';
import { loadXstestCompletions, loadXstestPrompts } from './datasets/xstest.ts';
import { loadCpsycoun, loadSmilechat } from './datasets/zh-counselling.ts';
import { confusion, f1, macroF1, precision, rate, recall, spearman } from './metrics.ts';
import { type ModelTraining, readModelTraining, trainingStatus } from './trained-on.ts';
import {
  type ConversationSet,
  type DatasetInfo,
  type Evaluated,
  type EvaluatedConversation,
  isSkipped,
  type Licence,
  type Loaded,
  type ResultRow,
  type TextSet,
} from './types.ts';

export interface HarnessOptions extends LoadOptions {
  /** Training records of the shipped models (default: models/*.json). */
  models?: ModelTraining[];
  /** Progress lines (default: none). */
  log?: (line: string) => void;
  /** Conversations timed for the speed row (default 2,000). */
  speedSample?: number;
}

export interface DatasetSummary {
  name: string;
  folder: string;
  files: string[];
  licence: Licence;
  n: number;
  total: number;
  note?: string;
}

export interface Speed {
  conversations: number;
  userMessages: number;
  characters: number;
  totalMs: number;
  msPerConversation: number;
}

export interface EvalResult {
  backend: string;
  rows: ResultRow[];
  skipped: string[];
  datasets: DatasetSummary[];
  models: ModelTraining[];
  speed?: Speed;
  seconds: number;
}

/** A result row before its dataset's name, size, licence and trained status are added. */
interface Row
  extends Pick<ResultRow, 'section' | 'facet' | 'metric' | 'value' | 'interval' | 'baseline' | 'baselineName' | 'detail'> {
  /** Trained-on subset of the files, e.g. 'series 44'. */
  subset?: string;
  /** Overrides the dataset's licence (silver rows per source). */
  licence?: Licence;
  /** Overrides the dataset's files (silver rows per source). */
  files?: string[];
}

const fmtCounts = (c: { tp: number; fp: number; fn: number }) => `tp ${c.tp} fp ${c.fp} fn ${c.fn}`;

interface Binary {
  gold: boolean;
  predicted: boolean;
  baseline: boolean;
}

/** F1 of the backend and of the baseline over the same gold labels. */
function f1Row(section: string, facet: string, pairs: readonly Binary[], baselineName: string): Row {
  const model = confusion(pairs.map((pair) => ({ gold: pair.gold, predicted: pair.predicted })));
  const base = confusion(pairs.map((pair) => ({ gold: pair.gold, predicted: pair.baseline })));
  const p = precision(model);
  const r = recall(model);
  return {
    section,
    facet,
    metric: 'F1',
    value: f1(model),
    baseline: f1(base),
    baselineName,
    detail: `P ${p === null ? '—' : p.toFixed(3)} R ${r === null ? '—' : r.toFixed(3)}; ${fmtCounts(model)}`,
  };
}

/** Share of items flagged (recall on an all-positive set, FPR on an all-negative one, or a plain rate). */
function shareRow(
  section: string,
  facet: string,
  metric: string,
  flags: readonly { predicted: boolean; baseline: boolean }[],
  baselineName: string,
): Row {
  const positives = flags.filter((flag) => flag.predicted).length;
  const baselinePositives = flags.filter((flag) => flag.baseline).length;
  const share = rate(positives, flags.length);
  return {
    section,
    facet,
    metric,
    value: share.value,
    interval: share.interval,
    baseline: rate(baselinePositives, flags.length).value,
    baselineName,
    detail: `${positives}/${flags.length} flagged (baseline ${baselinePositives})`,
  };
}

function macroRow<C extends string>(
  section: string,
  facet: string,
  items: readonly { gold: C; predicted: C; baseline: C }[],
  classes: readonly C[],
  baselineName: string,
  subset?: string,
): Row {
  const model = macroF1(
    items.map((item) => ({ gold: item.gold, predicted: item.predicted })),
    classes,
  );
  const base = macroF1(
    items.map((item) => ({ gold: item.gold, predicted: item.baseline })),
    classes,
  );
  const perClass = Object.entries(model.perClass)
    .map(([label, value]) => `${label} ${value === null ? '—' : value.toFixed(3)}`)
    .join(', ');
  return {
    section,
    facet,
    metric: `macro-F1 (${classes.join('/')})`,
    value: model.value,
    baseline: base.value,
    baselineName,
    detail: `per class: ${perClass}`,
    ...(subset === undefined ? {} : { subset }),
  };
}

/** The report's sections, in order (rows keep their order within a section). */
export const SECTIONS = [
  'pushback',
  'disclosure',
  'sentiment',
  'affective recall',
  'false positives',
  'red team',
  'sentiment change',
  'silver labels',
  'prevalence',
  'speed',
];

const isCrisis = (level: CrisisLevel) => level !== 'none';

export async function runEvaluation(evaluated: Evaluated, options: HarnessOptions): Promise<EvalResult> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const models = options.models ?? readModelTraining();
  const rows: ResultRow[] = [];
  const skipped: string[] = [];
  const datasets: DatasetSummary[] = [];
  const allConversations: Conversation[] = [];

  const predictions = new WeakMap<Conversation, EvaluatedConversation>();
  const baselines = new WeakMap<Conversation, BaselineConversation>();
  const classify = (conversation: Conversation): EvaluatedConversation => {
    let result = predictions.get(conversation);
    if (!result) {
      result = evaluated.classify(conversation);
      predictions.set(conversation, result);
    }
    return result;
  };
  const baseline = (conversation: Conversation): BaselineConversation => {
    let result = baselines.get(conversation);
    if (!result) {
      result = baselineConversation(conversation);
      baselines.set(conversation, result);
    }
    return result;
  };

  const add = (set: DatasetInfo, n: number, row: Row) => {
    const files = row.files ?? set.files;
    const training = trainingStatus(row.facet, files, models, row.subset);
    const details = [row.detail, training.matched.length > 0 ? `trainedOn: ${training.matched.join(' | ')}` : undefined]
      .filter(Boolean)
      .join('; ');
    rows.push({
      section: row.section,
      facet: row.facet,
      metric: row.metric,
      value: row.value,
      ...(row.interval ? { interval: row.interval } : {}),
      baseline: row.baseline,
      baselineName: row.baselineName,
      dataset: row.subset ? `${set.name} (${row.subset})` : set.name,
      n,
      licence: row.licence ?? set.licence,
      trained: training.status,
      ...(details ? { detail: details } : {}),
    });
  };

  async function use<S extends ConversationSet<unknown> | TextSet<unknown>>(
    loading: Loaded<S> | Promise<Loaded<S>>,
  ): Promise<S | undefined> {
    const at = performance.now();
    const loaded = await loading;
    if (isSkipped(loaded)) {
      skipped.push(loaded.skipped);
      log(`skip  ${loaded.skipped}`);
      return undefined;
    }
    datasets.push({
      name: loaded.name,
      folder: loaded.folder,
      files: loaded.files,
      licence: loaded.licence,
      n: loaded.items.length,
      total: loaded.total,
      ...(loaded.note ? { note: loaded.note } : {}),
    });
    if (loaded.kind === 'conversations') {
      for (const item of loaded.items) allConversations.push((item as { conversation: Conversation }).conversation);
    }
    log(
      `load  ${loaded.name}: ${loaded.items.length} items (${Math.round(performance.now() - at)} ms)${loaded.note ? `; ${loaded.note}` : ''}`,
    );
    return loaded;
  }

  const timed = (name: string, work: () => void) => {
    const at = performance.now();
    work();
    log(`eval  ${name} (${((performance.now() - at) / 1000).toFixed(1)} s)`);
  };

  // ---- Pushback: XSTest completions (full + partial refusal vs compliance)
  const xstest = await use(loadXstestCompletions(options));
  if (xstest) {
    timed(xstest.name, () => {
      const pairs = xstest.items.map((item) => ({
        model: item.label.model,
        gold: item.label.refusal,
        predicted: classify(item.conversation).pushback,
        baseline: refusalBaseline(item.label.completion),
        refusal: evaluated.isRefusal(item.label.completion, item.label.prompt),
      }));
      add(xstest, pairs.length, f1Row('pushback', 'pushback', pairs, 'refusal phrases'));
      add(
        xstest,
        pairs.length,
        f1Row(
          'pushback',
          'pushback (isRefusal, one reply)',
          pairs.map((pair) => ({ ...pair, predicted: pair.refusal })),
          'refusal phrases',
        ),
      );
      const completionModels = [...new Set(pairs.map((pair) => pair.model))].sort();
      for (const model of completionModels) {
        const subset = pairs.filter((pair) => pair.model === model);
        const row = f1Row('pushback', 'pushback', subset, 'refusal phrases');
        add({ ...xstest, name: `XSTest completions: ${model}` }, subset.length, row);
      }
    });
  }

  // ---- Disclosure: CL-Aff
  const claff = await use(loadClaff(options));
  if (claff) {
    timed(claff.name, () => {
      const predicted = claff.items.map((item) => evaluated.message(item.text));
      add(
        claff,
        claff.items.length,
        f1Row(
          'disclosure',
          'emotional_disclosure',
          claff.items.map((item, i) => ({
            gold: item.label.emotional,
            predicted: predicted[i]!.emotional_disclosure,
            baseline: emotionalDisclosureBaseline(item.text),
          })),
          'first person + feeling word',
        ),
      );
      add(
        claff,
        claff.items.length,
        f1Row(
          'disclosure',
          'informational_disclosure',
          claff.items.map((item, i) => ({
            gold: item.label.informational,
            predicted: predicted[i]!.informational_disclosure,
            baseline: informationalDisclosureBaseline(item.text),
          })),
          'first-person pronoun',
        ),
      );
    });
  }

  // ---- Per-message polarity
  const POLARITIES: Polarity[] = ['positive', 'negative', 'neutral'];
  const polarityItems = <L>(set: TextSet<L>, gold: (label: L) => string) =>
    set.items.map((item) => ({
      gold: gold(item.label),
      predicted: polarityOf(evaluated.message(item.text).sentiment) as string,
      baseline: polarityOf(baselinePolarity(item.text)) as string,
      label: item.label,
    }));
  const goemotions = await use(loadGoEmotions(options));
  if (goemotions) {
    timed(goemotions.name, () => {
      const items = polarityItems(goemotions, (label: GoEmotionsPolarity) => (label === 'ambiguous' ? 'neutral' : label));
      const scored = items.filter((item) => item.label !== 'mixed');
      add(goemotions, scored.length, {
        ...macroRow('sentiment', 'sentiment', scored, POLARITIES, 'vader'),
        detail: `ambiguous → neutral, ${items.length - scored.length} mixed left out; ${macroRow('sentiment', 'sentiment', scored, POLARITIES, 'vader').detail}`,
      });
      const strict = items.filter((item) => item.label !== 'mixed' && item.label !== 'ambiguous');
      add(
        { ...goemotions, name: 'GoEmotions dev (ambiguous left out)' },
        strict.length,
        macroRow('sentiment', 'sentiment', strict, POLARITIES, 'vader'),
      );
    });
  }
  const meld = await use(loadMeld(options));
  if (meld) {
    timed(meld.name, () => {
      add(
        meld,
        meld.items.length,
        macroRow(
          'sentiment',
          'sentiment',
          polarityItems(meld, (label) => label),
          POLARITIES,
          'vader',
        ),
      );
    });
  }
  const cped = await use(loadCped(options));
  if (cped) {
    timed(cped.name, () => {
      const items = polarityItems(cped, (label) => label.polarity);
      const zhBaseline = 'ZH word list (hand-written strawman)';
      add(cped, items.length, macroRow('sentiment', 'sentiment', items, POLARITIES, zhBaseline));
      const series = [...new Set(cped.items.map((item) => item.label.series))].sort();
      for (const tv of series) {
        const subset = items.filter((item) => item.label.series === tv);
        add(cped, subset.length, macroRow('sentiment', 'sentiment', subset, POLARITIES, zhBaseline, `series ${tv}`));
      }
    });
  }
  const clue = await use(loadClue(options));
  if (clue) {
    timed(clue.name, () => {
      const items = polarityItems(clue, (label) => label);
      add(
        clue,
        items.length,
        macroRow('sentiment', 'sentiment', items, ['positive', 'negative'], 'ZH word list (hand-written strawman)'),
      );
    });
  }

  // ---- Affective recall on sets where every conversation is affective
  const affectiveRecall = (set: ConversationSet<unknown>) => {
    timed(set.name, () => {
      const flags = set.items.map((item) => ({
        predicted: classify(item.conversation).affective.length > 0,
        baseline: baseline(item.conversation).affective.length > 0,
      }));
      add(set, flags.length, shareRow('affective recall', 'affective', 'recall', flags, 'keyword list'));
    });
  };
  const esconvValid = await use(loadEsconv(options, 'valid'));
  const esconvTrain = await use(loadEsconv(options, 'train'));
  if (esconvValid) affectiveRecall(esconvValid);
  if (esconvTrain) affectiveRecall(esconvTrain);
  const counsel = await use(loadCounselChat(options));
  if (counsel) {
    affectiveRecall(counsel);
    const selfHarm = counsel.items.filter((item) => item.label.topic === 'self-harm');
    if (selfHarm.length > 0) {
      const set = { ...counsel, name: 'counsel-chat questions, topic self-harm' };
      add(
        set,
        selfHarm.length,
        shareRow(
          'affective recall',
          'crisis≠none',
          'recall',
          selfHarm.map((item) => ({
            predicted: isCrisis(classify(item.conversation).crisis),
            baseline: isCrisis(baseline(item.conversation).crisis),
          })),
          'crisis keywords',
        ),
      );
      add(
        set,
        selfHarm.length,
        shareRow(
          'affective recall',
          'crisis=risk (levelOfText)',
          'recall',
          selfHarm.map((item) => {
            const text = item.conversation.messages[0]?.text ?? '';
            return { predicted: evaluated.crisisLevelOfText(text) === 'risk', baseline: crisisBaseline(text) === 'risk' };
          }),
          'crisis keywords',
        ),
      );
    }
  }
  const cpsycoun = await use(loadCpsycoun(options));
  if (cpsycoun) affectiveRecall(cpsycoun);
  const smilechat = await use(loadSmilechat(options));
  if (smilechat) affectiveRecall(smilechat);

  // ---- False positives on non-affective sets (every item treated as negative)
  const flagRows = (set: ConversationSet<unknown>, section: string, metric: string) => {
    timed(set.name, () => {
      const facets: [string, (c: EvaluatedConversation) => boolean, (b: BaselineConversation) => boolean, string][] = [
        ['affective', (c) => c.affective.length > 0, (b) => b.affective.length > 0, 'keyword list'],
        ['crisis≠none', (c) => isCrisis(c.crisis), (b) => isCrisis(b.crisis), 'crisis keywords'],
        ['anthropomorphism', (c) => c.anthropomorphism, (b) => b.anthropomorphism, 'anthropomorphism keywords'],
      ];
      for (const [facet, predicted, base, baselineName] of facets) {
        const flags = set.items.map((item) => ({
          predicted: predicted(classify(item.conversation)),
          baseline: base(baseline(item.conversation)),
        }));
        add(set, flags.length, shareRow(section, facet, metric, flags, baselineName));
      }
    });
  };
  const chatgpt = await use(loadChatgptExport(options));
  if (chatgpt) flagRows(chatgpt, 'false positives', 'FPR');
  const xstestPrompts = await use(loadXstestPrompts(options));
  if (xstestPrompts) flagRows(xstestPrompts, 'false positives', 'FPR');
  const ordinary: ConversationSet<null>[] = [];
  for (const definition of ORDINARY_USE_SETS) {
    const set = await use(loadOrdinaryUse(definition, options));
    if (set) {
      ordinary.push(set);
      flagRows(set, 'false positives', 'FPR');
    }
  }
  if (ordinary.length > 0) {
    const pooled = poolOrdinaryUse(ordinary);
    datasets.push({
      name: pooled.name,
      folder: pooled.folder,
      files: [],
      licence: pooled.licence,
      n: pooled.items.length,
      total: pooled.total,
      ...(pooled.note ? { note: pooled.note } : {}),
    });
    flagRows(pooled, 'false positives', 'FPR');
  }

  // ---- Red team: rates, not false positives (mostly, not entirely, non-affective)
  const hh = await use(loadHhRlhf(options));
  if (hh) {
    flagRows(hh, 'red team', 'rate');
    add(
      hh,
      hh.items.length,
      shareRow(
        'red team',
        'pushback',
        'rate',
        hh.items.map((item) => ({
          predicted: classify(item.conversation).pushback,
          baseline: baseline(item.conversation).pushback,
        })),
        'refusal phrases',
      ),
    );
  }

  // ---- Sentiment change vs ESConv seekers' reported intensity drop
  const esconvSets = [esconvValid, esconvTrain].filter((set): set is NonNullable<typeof set> => set !== undefined);
  if (esconvSets.length > 0) {
    const x: number[] = [];
    const y: number[] = [];
    const bx: number[] = [];
    const by: number[] = [];
    let eligible = 0;
    for (const set of esconvSets) {
      for (const item of set.items) {
        if (item.label.drop === null) continue;
        const change = classify(item.conversation).sentiment_change;
        const baseChange = baseline(item.conversation).sentiment_change;
        if (change !== null) {
          eligible += 1;
          x.push(change);
          y.push(item.label.drop);
        }
        if (baseChange !== null) {
          bx.push(baseChange);
          by.push(item.label.drop);
        }
      }
    }
    const combined: DatasetInfo = {
      ...esconvSets[0]!,
      name: `ESConv ${esconvSets.map((set) => set.name.replace('ESConv ', '')).join('+')}`,
      files: esconvSets.flatMap((set) => set.files),
    };
    add(combined, eligible, {
      section: 'sentiment change',
      facet: 'sentiment_change',
      metric: 'Spearman ρ vs intensity drop',
      value: spearman(x, y),
      baseline: spearman(bx, by),
      baselineName: 'vader / ZH word list per message',
      detail: `dialogues with a reported drop and ≥ 6 seeker messages: ${eligible} (baseline ${bx.length}); every drop is ≥ 1`,
    });
  }

  // ---- Silver labels: every conversation-level facet, overall, by licence and by source
  const silver = await use(loadSilverLabels(options));
  if (silver) {
    timed(silver.name, () => {
      type Facet = [
        string,
        (label: SilverLabel) => boolean,
        (c: EvaluatedConversation) => boolean,
        (b: BaselineConversation) => boolean,
        string,
      ];
      const facets: Facet[] = [
        [
          'affective',
          (l) => l.affective.length > 0,
          (c) => c.affective.length > 0,
          (b) => b.affective.length > 0,
          'keyword list',
        ],
        ...AFFECTIVE_TYPES.map(
          (type): Facet => [
            `affective:${type}`,
            (l) => l.affective.includes(type),
            (c) => c.affective.includes(type),
            (b) => b.affective.includes(type),
            'keyword list',
          ],
        ),
        ['content_creation', (l) => l.content_creation, (c) => c.content_creation, (b) => b.content_creation, 'keyword list'],
        ['pushback', (l) => l.pushback, (c) => c.pushback, (b) => b.pushback, 'refusal phrases'],
        ['crisis=risk', (l) => l.crisis === 'risk', (c) => c.crisis === 'risk', (b) => b.crisis === 'risk', 'crisis keywords'],
        [
          'crisis=distress',
          (l) => l.crisis === 'distress',
          (c) => c.crisis === 'distress',
          (b) => b.crisis === 'distress',
          'crisis keywords',
        ],
        ['crisis≠none', (l) => isCrisis(l.crisis), (c) => isCrisis(c.crisis), (b) => isCrisis(b.crisis), 'crisis keywords'],
        [
          'anthropomorphism',
          (l) => l.anthropomorphism,
          (c) => c.anthropomorphism,
          (b) => b.anthropomorphism,
          'anthropomorphism keywords',
        ],
      ];
      const groups: { name: string; licence: Licence; files: string[]; items: typeof silver.items; always: boolean }[] = [
        { name: 'silver labels (all)', licence: 'eval-only', files: silver.files, items: silver.items, always: true },
      ];
      for (const licence of ['trainable', 'eval-only'] as const) {
        const items = silver.items.filter((item) => item.label.licence === licence);
        if (items.length > 0) {
          groups.push({ name: `silver labels (${licence} sources)`, licence, files: silver.files, items, always: true });
        }
      }
      const sources = [...new Set(silver.items.map((item) => item.label.source))].sort();
      for (const source of sources) {
        const items = silver.items.filter((item) => item.label.source === source);
        groups.push({
          name: `silver labels: ${source}`,
          licence: items[0]!.label.licence,
          files: [...silver.files, source],
          items,
          always: false,
        });
      }
      for (const [facet, gold, predicted, base, baselineName] of facets) {
        for (const group of groups) {
          const pairs = group.items.map((item) => ({
            gold: gold(item.label),
            predicted: predicted(classify(item.conversation)),
            baseline: base(baseline(item.conversation)),
          }));
          const row = f1Row('silver labels', facet, pairs, baselineName);
          // Per source, a facet nobody has or predicts there says nothing.
          if (row.value === null && !group.always) continue;
          add({ ...silver, name: group.name }, pairs.length, { ...row, licence: group.licence, files: group.files });
        }
      }
      const x: number[] = [];
      const y: number[] = [];
      const bx: number[] = [];
      const by: number[] = [];
      for (const item of silver.items) {
        if (item.label.sentimentChange === null) continue;
        const change = classify(item.conversation).sentiment_change;
        const baseChange = baseline(item.conversation).sentiment_change;
        if (change !== null) {
          x.push(change);
          y.push(item.label.sentimentChange);
        }
        if (baseChange !== null) {
          bx.push(baseChange);
          by.push(item.label.sentimentChange);
        }
      }
      add({ ...silver, name: 'silver labels (all)' }, x.length, {
        section: 'sentiment change',
        facet: 'sentiment_change',
        metric: 'Spearman ρ vs silver change',
        value: spearman(x, y),
        baseline: spearman(bx, by),
        baselineName: 'vader / ZH word list per message',
        detail: 'silver change = mean(last 3) − mean(first 3) of the annotator’s sentiments',
      });
    });
  }

  // ---- Prevalence of affective use on the real ChatGPT export vs its silver labels
  if (chatgpt) {
    const labelled = chatgpt.items.filter((item) => item.label.silver !== undefined);
    if (labelled.length > 0) {
      const goldRate = labelled.filter((item) => (item.label.silver?.affective.length ?? 0) > 0).length / labelled.length;
      const predictedRate = labelled.filter((item) => classify(item.conversation).affective.length > 0).length / labelled.length;
      const baselineRate = labelled.filter((item) => baseline(item.conversation).affective.length > 0).length / labelled.length;
      add(
        { ...chatgpt, name: 'ChatGPT export (silver-labelled part)', files: [...chatgpt.files, 'silver-labels/labels.jsonl'] },
        labelled.length,
        {
          section: 'prevalence',
          facet: 'affective',
          metric: 'prevalence error (predicted − silver)',
          value: predictedRate - goldRate,
          baseline: baselineRate - goldRate,
          baselineName: 'keyword list',
          detail: `silver prevalence ${(goldRate * 100).toFixed(1)}%, predicted ${(predictedRate * 100).toFixed(1)}%, baseline ${(baselineRate * 100).toFixed(1)}%`,
        },
      );
    }
  }

  // ---- Speed: classify a deterministic sample of the loaded conversations again, timed
  let speed: Speed | undefined;
  const sampleSize = options.speedSample ?? 2_000;
  if (allConversations.length > 0 && sampleSize > 0) {
    const sample = allConversations
      .map((conversation, index) => ({ conversation, hash: stableHash(`${conversation.source}:${conversation.id}:${index}`) }))
      .sort((a, b) => a.hash - b.hash)
      .slice(0, sampleSize)
      .map((entry) => entry.conversation);
    const at = performance.now();
    for (const conversation of sample) evaluated.classify(conversation);
    const totalMs = performance.now() - at;
    let userMessages = 0;
    let characters = 0;
    for (const conversation of sample) {
      for (const message of conversation.messages) {
        characters += message.text.length;
        if (message.role === 'user') userMessages += 1;
      }
    }
    speed = { conversations: sample.length, userMessages, characters, totalMs, msPerConversation: totalMs / sample.length };
    rows.push({
      section: 'speed',
      facet: 'classify (all facets)',
      metric: 'ms/conversation',
      value: speed.msPerConversation,
      baseline: null,
      baselineName: '—',
      dataset: 'sample of all conversations loaded',
      n: sample.length,
      licence: 'eval-only',
      trained: 'held out',
      detail: `${(userMessages / sample.length).toFixed(1)} user messages and ${Math.round(characters / sample.length)} characters per conversation; one core`,
    });
    log(`speed ${speed.msPerConversation.toFixed(3)} ms/conversation over ${sample.length}`);
  }

  const order = (section: string) => {
    const at = SECTIONS.indexOf(section);
    return at < 0 ? SECTIONS.length : at;
  };
  const sorted = rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => order(a.row.section) - order(b.row.section) || a.index - b.index);
  return {
    backend: evaluated.id,
    rows: sorted.map((entry) => entry.row),
    skipped,
    datasets,
    models,
    ...(speed ? { speed } : {}),
    seconds: (performance.now() - started) / 1000,
  };
}
