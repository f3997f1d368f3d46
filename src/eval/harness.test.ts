import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type EvalResult, runEvaluation, SECTIONS } from './harness.ts';
import { fakeEvaluated, writeFixtureDatasets } from './test-fixtures.ts';
import type { ResultRow } from './types.ts';

const root = writeFixtureDatasets();
let result: EvalResult | undefined;
const evaluate = async () => {
  result ??= await runEvaluation(fakeEvaluated, {
    root,
    models: [{ id: 'affective-gate', file: 'affective-gate.json', trainedOn: ['counsel-chat', 'esconv/train.jsonl'] }],
    speedSample: 5,
  });
  return result;
};

function row(rows: readonly ResultRow[], facet: string, dataset: string, metric?: string): ResultRow {
  const found = rows.find(
    (r) => r.facet === facet && r.dataset === dataset && (metric === undefined || r.metric.startsWith(metric)),
  );
  assert.ok(found, `no row ${facet} / ${dataset}`);
  return found;
}

describe('runEvaluation on hand-written fixtures with a fake backend', () => {
  it('scores pushback, disclosure and polarity against their gold labels, baselines beside', async () => {
    const { rows } = await evaluate();
    const pushback = row(rows, 'pushback', 'XSTest completions (1 models)');
    assert.equal(pushback.value, 1);
    assert.equal(pushback.baseline, 1);
    assert.equal(pushback.n, 4);
    assert.equal(pushback.licence, 'trainable');
    assert.equal(row(rows, 'emotional_disclosure', 'CL-Aff train').value, 1);
    const goemotions = row(rows, 'sentiment', 'GoEmotions dev');
    assert.equal(goemotions.value, 1);
    assert.equal(goemotions.n, 4, 'mixed left out, ambiguous scored as neutral');
    assert.equal(row(rows, 'sentiment', 'GoEmotions dev (ambiguous left out)').n, 3);
    const clue = row(rows, 'sentiment', 'CLUEmotion valid');
    assert.equal(clue.value, 1);
    assert.equal(clue.licence, 'eval-only');
  });

  it('reports recall on affective sets and flag rates on ordinary ones, with Wilson intervals', async () => {
    const { rows } = await evaluate();
    const esconv = row(rows, 'affective', 'ESConv valid', 'recall');
    assert.equal(esconv.value, 1);
    assert.equal(esconv.trained, 'held out', 'trained on esconv/train.jsonl, not valid');
    assert.ok(esconv.interval && esconv.interval[0] < 1);
    assert.equal(row(rows, 'affective', 'counsel-chat questions', 'recall').trained, 'trained on');
    assert.equal(row(rows, 'crisis≠none', 'counsel-chat questions, topic self-harm').value, 1);
    const chatgpt = row(rows, 'affective', 'ChatGPT export (real)', 'FPR');
    assert.equal(chatgpt.value, 0.5);
    assert.equal(chatgpt.n, 2);
    assert.equal(row(rows, 'affective', 'ordinary use (pooled)', 'FPR').n, 4);
    assert.equal(row(rows, 'crisis≠none', 'XSTest prompts', 'FPR').n, 3);
  });

  it('scores silver labels overall, by licence and by source, and the prevalence error', async () => {
    const { rows } = await evaluate();
    assert.equal(row(rows, 'affective', 'silver labels (all)', 'F1').value, 1);
    assert.equal(row(rows, 'affective', 'silver labels (eval-only sources)', 'F1').value, null);
    assert.equal(row(rows, 'affective', 'silver labels: counsel-chat', 'F1').licence, 'trainable');
    assert.ok(
      !rows.some((r) => r.dataset === 'silver labels: esconv/train.jsonl' && r.facet === 'affective'),
      'a source with no gold and no predicted positive says nothing: no row',
    );
    assert.equal(row(rows, 'crisis=distress', 'silver labels (all)', 'F1').value, 1);
    const prevalence = row(rows, 'affective', 'ChatGPT export (silver-labelled part)', 'prevalence error');
    assert.equal(prevalence.value, 0);
    assert.equal(prevalence.n, 1);
    const change = row(rows, 'sentiment_change', 'ESConv valid', 'Spearman');
    assert.equal(change.value, null, 'one dialogue: no correlation');
    assert.equal(change.n, 1);
  });

  it('skips absent sets with one line each, orders sections, times the backend', async () => {
    const { rows, skipped, speed, backend } = await evaluate();
    assert.equal(backend, 'fake@0');
    assert.ok(skipped.some((line) => line.startsWith('meld:')));
    assert.ok(skipped.some((line) => line.startsWith('hh-rlhf-harmless:')));
    assert.ok(skipped.every((line) => !line.includes('\n')));
    const order = rows.map((r) => SECTIONS.indexOf(r.section));
    assert.ok(order.every((value) => value >= 0));
    assert.deepEqual(
      order,
      [...order].sort((a, b) => a - b),
    );
    assert.equal(speed?.conversations, 5);
    assert.equal(rows.at(-1)?.metric, 'ms/conversation');
  });
});
