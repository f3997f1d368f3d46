/**
 * Trains the pushback/refusal model: node --import tsx scripts/train/pushback.ts [--hh-weight 0.1]
 *
 * Data (all may train shipped weights, see ../shared/datasets/README.md):
 * - XSTest v2 completions of gpt4, llama2orig and mistralinstruct: final_label 2_full_refusal and
 *   3_partial_refusal → 1, 1_full_compliance → 0;
 * - the curated bilingual examples below (hand-written for this project, EN + ZH), which teach the
 *   Chinese phrase layer and the capability-limit / politeness hard negatives;
 * - hh-rlhf-harmless final replies of the EVEN lines as a weak signal (chosen → 1, rejected → 0,
 *   weight 0.1; --hh-weight 0 turns it off: mean held-out F1 0.869 without it, 0.878 with it). The
 *   odd lines are kept apart for the chosen-vs-rejected pushback rates.
 * - every example a second time through the phrase layer only (rule + length features, weight 1),
 *   so rule weights stand on their own — that is what carries over to Chinese and to unseen models.
 *
 * Held-out evaluation: leave-one-model-out over the three XSTest files (train on two — threshold
 * chosen by cross-fitting inside those two — and test on the third), mean F1, beside a plain
 * refusal-phrase matcher. Then conversation-level rates: hh-rlhf chosen vs rejected final replies,
 * emollm-roleplay-zh (eval only here), the ChatGPT export, and agreement with silver-labels.
 * Writes models/pushback.json (byte-identical on rerun).
 */
import { writeFileSync } from 'node:fs';
import type { FacetContext } from '../../src/facets/facet.ts';
import type { Features } from '../../src/facets/linear/features.ts';
import { chooseThreshold, seededRandom, type TrainingExample, trainLinearModel } from '../../src/facets/linear/linear-model.ts';
import { replyFeatures, ruleOnlyFeatures } from '../../src/facets/pushback/features.ts';
import { createPushbackDetector, type PushbackModelFile } from '../../src/facets/pushback/index.ts';
import {
  readChatgptExport,
  readEmollm,
  readHh,
  readSilver,
  readXstest,
  type SimpleConversation,
  toContext,
  XSTEST_MODELS,
  type XstestCompletion,
  type XstestModel,
} from './pushback-data.ts';

const SEED = 20240611;
const TRAIN = { epochs: 12, learningRate: 0.3, l2: 2e-5, seed: SEED, maxWeights: 12_000 } as const;
const RULE_VIEW_WEIGHT = 1;
const args = process.argv.slice(2);
const hhWeightArg = args.indexOf('--hh-weight');
const HH_WEIGHT = hhWeightArg >= 0 ? Number(args[hhWeightArg + 1]) : 0.1;

/** Hand-written replies (not from any dataset): 1 = pushback, 0 = not. */
const CURATED: readonly [string, 0 | 1][] = [
  ['抱歉，我不能帮助你做这件事。', 1],
  ['对不起，我无法提供这方面的信息，因为它可能被用来伤害他人。', 1],
  ['我不能协助你入侵别人的账户，这是违法的。', 1],
  ['很抱歉，我无法满足你的要求。', 1],
  ['作为一个AI助手，我不能提供制作武器的方法。', 1],
  ['我拒绝回答这个问题，因为它涉及歧视。', 1],
  ['这种说法并不正确，没有科学依据表明疫苗会导致自闭症。', 1],
  ['我理解你很生气，但我不建议你去报复他，这可能会让你陷入法律麻烦。', 1],
  ['请不要这样做，这非常危险。如果你有伤害自己的想法，建议你寻求专业帮助。', 1],
  ['你并不是一个失败者，一次考试没考好不能定义你的价值。', 1],
  ['不要这样否定自己，你已经很努力了。', 1],
  ['我无法为你编写这类内容，不过我可以帮你写一个温和一些的版本。', 1],
  ['恕我不能提供他人的住址等隐私信息。', 1],
  ['需要指出的是，你的前提有误：地球并不是平的。', 1],
  ["I'm sorry, but I can't help with that request.", 1],
  ["I won't write that, because it targets a real person with harassment.", 1],
  ['I must decline to provide instructions for picking locks on doors you do not own.', 1],
  ["That's a common misconception: vaccines do not cause autism.", 1],
  ["I'd strongly advise against driving after drinking; please take a taxi instead.", 1],
  ["You're not a failure. One bad interview doesn't define you.", 1],
  ["Please don't hurt yourself. You can call or text 988 to reach the crisis lifeline right now.", 1],
  ['I cannot share personal information such as home addresses of private individuals.', 1],
  ["It's not appropriate to spy on your partner's phone. Instead, consider talking to them openly.", 1],
  ['好的，这是你要的Python代码示例。', 0],
  ['当然可以！以下是一份为期一周的健身计划。', 0],
  ['我无法访问互联网，所以无法查看这个链接的内容，但你可以把文字粘贴给我。', 0],
  ['作为一个AI，我没有个人观点，不过这里有几种常见的看法供你参考。', 0],
  ['我不能确定具体日期，但根据资料大约是在1911年。', 0],
  ['抱歉让你久等了，下面是修改后的版本。', 0],
  ['很抱歉听到这个消息，失去亲人一定非常痛苦。你愿意和我说说吗？', 0],
  ['谢谢你的提问！杀死一个Linux进程可以使用kill命令。', 0],
  ['这道数学题的答案是42，下面是解题步骤。', 0],
  ['没问题，我来帮你翻译这段话。', 0],
  ["Sure! Here's a short poem about autumn.", 0],
  ["I can't browse the internet, but based on my training data, here is what I know about the topic.", 0],
  ["I don't have access to real-time stock prices. You can check a finance site for the latest quote.", 0],
  ["I'm sorry to hear that you're feeling this way. Would you like to tell me more about what happened?", 0],
  ['Sorry for the confusion earlier. Here is the corrected code.', 0],
  ['To kill a Python process, you can use the kill command with its process id.', 0],
  ["As an AI, I don't have personal preferences, but many people enjoy hiking in the autumn.", 0],
  ["Great question! Here's how photosynthesis works.", 0],
  ["I'm happy to help you plan your trip to Kyoto. Here is a three-day itinerary.", 0],
];

interface Example {
  features: Features;
  ruleView: Features;
  label: 0 | 1;
  group: string;
}

function toExample(text: string, label: 0 | 1, group: string): Example {
  const reply = replyFeatures(text);
  return { features: reply.features, ruleView: ruleOnlyFeatures(reply), label, group };
}

function trainingSet(examples: readonly Example[], extra: readonly TrainingExample[] = []): TrainingExample[] {
  const out: TrainingExample[] = [];
  for (const example of examples) {
    out.push({ features: example.features, label: example.label });
    out.push({ features: example.ruleView, label: example.label, weight: RULE_VIEW_WEIGHT });
  }
  return out.concat(extra);
}

function train(examples: readonly Example[], extra: readonly TrainingExample[] = []) {
  return trainLinearModel(trainingSet(examples, extra), TRAIN);
}

function probability(model: { bias: number; weights: [string, number][] }, features: Features): number {
  const weights = new Map(model.weights);
  let z = model.bias;
  for (const [name, value] of features) z += (weights.get(name) ?? 0) * value;
  return 1 / (1 + Math.exp(-z));
}

interface Metrics {
  precision: number;
  recall: number;
  f1: number;
  n: number;
}

function metrics(pairs: readonly { predicted: boolean; label: 0 | 1 }[]): Metrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const pair of pairs) {
    if (pair.predicted && pair.label === 1) tp += 1;
    else if (pair.predicted) fp += 1;
    else if (pair.label === 1) fn += 1;
  }
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, n: pairs.length };
}

const round = (value: number, digits = 4): number => Math.round(value * 10 ** digits) / 10 ** digits;
const fmt = (m: Metrics): string => `P ${m.precision.toFixed(3)} R ${m.recall.toFixed(3)} F1 ${m.f1.toFixed(3)} (n=${m.n})`;

/** The plain baseline: a refusal-phrase matcher. */
const BASELINE =
  /\b(?:i'm sorry|i am sorry|i apologi[sz]e|sorry, but|i cannot|i can't|i can not|as an ai|as a language model|i'm not able to|i am not able to|i am unable to|i'm unable to|i won't|i will not)\b/i;
const baseline = (text: string): boolean => BASELINE.test(text.replace(/’/g, "'"));

const isPositive = (row: XstestCompletion): 0 | 1 => (row.label === '1_full_compliance' ? 0 : 1);

// ---------------------------------------------------------------- data
const xstest = new Map<XstestModel, { rows: XstestCompletion[]; examples: Example[] }>();
for (const model of XSTEST_MODELS) {
  const rows = readXstest(model).filter((row) => row.completion.trim() !== '');
  xstest.set(model, { rows, examples: rows.map((row) => toExample(row.completion, isPositive(row), model)) });
}
const curated = CURATED.map(([text, label]) => toExample(text, label, 'curated'));
const hhPairs = readHh();
const hhTrain = hhPairs.filter((pair) => pair.line % 2 === 0);
const hhEval = hhPairs.filter((pair) => pair.line % 2 === 1);
const lastAssistant = (turns: { role: string; text: string }[]): string =>
  [...turns].reverse().find((turn) => turn.role === 'assistant')?.text ?? '';
const hhExtra: TrainingExample[] =
  HH_WEIGHT > 0
    ? hhTrain.flatMap((pair): TrainingExample[] => [
        { features: replyFeatures(lastAssistant(pair.chosen)).features, label: 1, weight: HH_WEIGHT },
        { features: replyFeatures(lastAssistant(pair.rejected)).features, label: 0, weight: HH_WEIGHT },
      ])
    : [];

// ---------------------------------------------------------------- leave-one-model-out
console.log(`pushback: XSTest leave-one-model-out (hh weak-signal weight ${HH_WEIGHT})`);
const validation: Record<string, number> = {};
const oof: { probability: number; label: 0 | 1 }[] = [];
const lomoF1: number[] = [];
const baselineF1: number[] = [];
for (const heldOut of XSTEST_MODELS) {
  const trainModels = XSTEST_MODELS.filter((model) => model !== heldOut);
  // Threshold by cross-fitting inside the two training files: never looks at the held-out one.
  const inner: { probability: number; label: 0 | 1 }[] = [];
  for (const innerTest of trainModels) {
    const innerTrain = trainModels.filter((model) => model !== innerTest);
    const fit = train([...innerTrain.flatMap((model) => xstest.get(model)?.examples ?? []), ...curated], hhExtra);
    for (const example of xstest.get(innerTest)?.examples ?? []) {
      inner.push({ probability: probability(fit, example.features), label: example.label });
    }
  }
  const threshold = chooseThreshold(inner);
  const fit = train([...trainModels.flatMap((model) => xstest.get(model)?.examples ?? []), ...curated], hhExtra);
  const detector = createPushbackDetector({
    id: 'pushback',
    version: 1,
    trainedOn: [],
    threshold,
    bias: fit.bias,
    weights: fit.weights,
  });
  writeFileSync(
    `/tmp/pushback-fold-${heldOut}.json`,
    JSON.stringify({ id: 'pushback', version: 1, trainedOn: [], threshold, bias: fit.bias, weights: fit.weights }),
  );
  const rows = xstest.get(heldOut)?.rows ?? [];
  const pairs = rows.map((row) => {
    const decision = detector.isRefusal(row.completion, row.prompt);
    oof.push({ probability: decision.probability, label: isPositive(row) });
    return { predicted: decision.value, label: isPositive(row) };
  });
  const m = metrics(pairs);
  const b = metrics(rows.map((row) => ({ predicted: baseline(row.completion), label: isPositive(row) })));
  lomoF1.push(m.f1);
  baselineF1.push(b.f1);
  validation[`xstest_lomo_${heldOut}_f1`] = round(m.f1);
  validation[`xstest_lomo_${heldOut}_precision`] = round(m.precision);
  validation[`xstest_lomo_${heldOut}_recall`] = round(m.recall);
  validation[`xstest_baseline_${heldOut}_f1`] = round(b.f1);
  console.log(`  test ${heldOut.padEnd(16)} model ${fmt(m)}  threshold ${threshold.toFixed(3)}`);
  console.log(`  ${''.padEnd(21)} phrase baseline ${fmt(b)}`);
}
const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
validation.xstest_lomo_mean_f1 = round(mean(lomoF1));
validation.xstest_baseline_mean_f1 = round(mean(baselineF1));
console.log(
  `  mean F1: model ${mean(lomoF1).toFixed(3)}  vs refusal-phrase baseline ${mean(baselineF1).toFixed(3)} (target ≥ 0.9)`,
);

// ---------------------------------------------------------------- pooled random split (80/20, seeded)
{
  const all = XSTEST_MODELS.flatMap((model) => xstest.get(model)?.examples ?? []);
  const random = seededRandom(SEED + 1);
  const test = new Set<number>();
  all.forEach((_, i) => {
    if (random() < 0.2) test.add(i);
  });
  const trainPart = all.filter((_, i) => !test.has(i));
  const testPart = all.filter((_, i) => test.has(i));
  const fit = train([...trainPart, ...curated], hhExtra);
  const innerScores = trainPart.map((example) => ({ probability: probability(fit, example.features), label: example.label }));
  const threshold = chooseThreshold(innerScores);
  const m = metrics(
    testPart.map((example) => ({ predicted: probability(fit, example.features) >= threshold, label: example.label })),
  );
  validation.xstest_random_split_f1 = round(m.f1);
  console.log(`  pooled random 80/20 split (threshold from the training part): ${fmt(m)}`);
}

// ---------------------------------------------------------------- final model
const finalFit = train([...XSTEST_MODELS.flatMap((model) => xstest.get(model)?.examples ?? []), ...curated], hhExtra);
const finalThreshold = round(chooseThreshold(oof), 4);
const modelFile: PushbackModelFile = {
  id: 'pushback',
  version: 1,
  trainedOn: [
    'xstest/model_completions (gpt4, llama2orig, mistralinstruct)',
    'curated bilingual examples (scripts/train/pushback.ts)',
    ...(HH_WEIGHT > 0 ? ['hh-rlhf-harmless (even lines, weak signal)'] : []),
  ],
  threshold: finalThreshold,
  bias: finalFit.bias,
  weights: finalFit.weights,
};
// Conversation-level threshold: chosen on the silver labels of permissively licensed sources (never
// esconv, which stays evaluation-only), from each conversation's highest reply probability, with
// the phrase rules that count on their own (self-talk, danger redirect) applied as in `detect`.
const silver = readSilver();
const permissiveSilver = silver.filter((row) => !row.source.startsWith('esconv'));
{
  const probe = createPushbackDetector({ ...modelFile, conversationThreshold: 1.01 });
  const scored = permissiveSilver.map((row) => {
    let best = 0;
    for (const turn of row.turns) {
      if (turn.role !== 'assistant') continue;
      const decision = probe.isRefusal(turn.text);
      best = Math.max(best, decision.value && decision.probability < probe.model.threshold ? 1 : decision.probability);
    }
    return { probability: best, label: (row.pushback ? 1 : 0) as 0 | 1 };
  });
  // Not below the single-reply threshold: a conversation only gets stricter, never looser.
  modelFile.conversationThreshold = round(Math.max(finalThreshold, chooseThreshold(scored, 0.75)), 4);
}
const detector = createPushbackDetector(modelFile);

// ---------------------------------------------------------------- conversation-level checks
const rate = (conversations: readonly SimpleConversation[], language = 'en'): number =>
  conversations.filter((conversation) => detector.detect(toContext(conversation, language) as FacetContext).value.pushback)
    .length / Math.max(1, conversations.length);

const replyRate = (texts: readonly string[]): number =>
  texts.filter((text) => detector.isRefusal(text).value).length / Math.max(1, texts.length);
const chosenRate = replyRate(hhEval.map((pair) => lastAssistant(pair.chosen)));
const rejectedRate = replyRate(hhEval.map((pair) => lastAssistant(pair.rejected)));
validation.hh_chosen_final_reply_rate = round(chosenRate);
validation.hh_rejected_final_reply_rate = round(rejectedRate);
console.log(
  `hh-rlhf final replies (odd lines, n=${hhEval.length}): pushback chosen ${(100 * chosenRate).toFixed(1)}% vs rejected ${(100 * rejectedRate).toFixed(1)}%`,
);
const emollm = [...readEmollm('aiwei'), ...readEmollm('tiangou')];
const emollmRate = rate(emollm, 'zh');
validation.emollm_conversation_rate = round(emollmRate);
const emollmReplyRate = replyRate(emollm.flatMap((c) => c.turns.filter((t) => t.role === 'assistant').map((t) => t.text)));
validation.emollm_reply_rate = round(emollmReplyRate);
console.log(
  `emollm-roleplay-zh (eval only): conversations with pushback ${(100 * emollmRate).toFixed(1)}%, replies ${(100 * emollmReplyRate).toFixed(1)}% (n=${emollm.length})`,
);
const chatgpt = readChatgptExport();
const chatgptRate = rate(chatgpt);
validation.chatgpt_export_conversation_rate = round(chatgptRate);
console.log(`ChatGPT export: conversations with pushback ${(100 * chatgptRate).toFixed(1)}% (n=${chatgpt.length})`);

// Silver labels (conversation level). The permissive rows chose conversationThreshold (in-sample);
// esconv rows are evaluation-only and are the held-out check.
const bySource = new Map<string, { predicted: boolean; label: 0 | 1 }[]>();
for (const row of silver) {
  const source = row.source.split('/')[0] as string;
  const language = /zh/.test(source) || source.startsWith('cpsycoun') || source.startsWith('smilechat') ? 'zh' : 'en';
  const predicted = detector.detect(toContext({ id: row.id, turns: row.turns }, language) as FacetContext).value.pushback;
  const list = bySource.get(source) ?? [];
  list.push({ predicted, label: row.pushback ? 1 : 0 });
  bySource.set(source, list);
}
console.log('silver-labels, conversation-level pushback:');
const allSilver: { predicted: boolean; label: 0 | 1 }[] = [];
for (const [source, pairs] of [...bySource.entries()].sort()) {
  allSilver.push(...pairs);
  const m = metrics(pairs);
  const positives = pairs.filter((pair) => pair.label === 1).length;
  const predictedRate = pairs.filter((pair) => pair.predicted).length / pairs.length;
  console.log(
    `  ${source.padEnd(28)} ${fmt(m)}  silver rate ${(positives / pairs.length).toFixed(2)} predicted ${predictedRate.toFixed(2)}`,
  );
  validation[`silver_${source.replace(/[^a-z0-9]+/gi, '_')}_f1`] = round(m.f1);
}
const silverAll = metrics(allSilver);
validation.silver_all_f1 = round(silverAll.f1);
console.log(`  ${'all'.padEnd(28)} ${fmt(silverAll)}`);

modelFile.validation = validation;
const output = new URL('../../models/pushback.json', import.meta.url);
writeFileSync(output, `${JSON.stringify(modelFile)}\n`);
console.log(
  `wrote models/pushback.json: ${modelFile.weights.length} weights, reply threshold ${finalThreshold}, conversation threshold ${modelFile.conversationThreshold}`,
);
