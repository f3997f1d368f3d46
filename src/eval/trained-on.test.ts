import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { tempDir } from '../testing/fixtures.ts';
import { facetKey, type ModelTraining, parseEntry, readModelTraining, trainingStatus } from './trained-on.ts';

const MODELS: ModelTraining[] = [
  { id: 'sentiment-en', file: 'sentiment-en.json', trainedOn: ['goemotions/train.tsv (90%)', 'xstest/xstest_prompts.csv'] },
  { id: 'sentiment-zh', file: 'sentiment-zh.json', trainedOn: ['cped-zh/valid_split.csv (series 32, 39; 90% of dialogues)'] },
  { id: 'affective-gate', file: 'affective-gate.json', trainedOn: ['counsel-chat', 'xstest (prompts)'] },
  { id: 'pushback', file: 'pushback.json', trainedOn: ['xstest/model_completions (gpt4)'] },
];

describe('trainedOn matching', () => {
  it('parses a path and its note', () => {
    assert.deepEqual(parseEntry('cped-zh/valid_split.csv (series 32; 90%)'), {
      path: 'cped-zh/valid_split.csv',
      qualified: true,
      note: 'series 32; 90%',
    });
    assert.deepEqual(parseEntry('counsel-chat'), { path: 'counsel-chat', qualified: false, note: '' });
    assert.equal(facetKey('affective:counseling'), 'affective');
    assert.equal(facetKey('crisis≠none'), 'crisis');
  });

  it('a folder entry without a note trains the whole folder', () => {
    assert.equal(trainingStatus('affective', ['counsel-chat/counsel_chat_train_val.csv'], MODELS).status, 'trained on');
  });

  it('another split of the same folder is held out', () => {
    assert.equal(trainingStatus('sentiment', ['goemotions/dev.tsv'], MODELS).status, 'held out');
  });

  it('only models of the facet count', () => {
    assert.equal(trainingStatus('crisis', ['counsel-chat/counsel_chat_train_val.csv'], MODELS).status, 'held out');
    assert.equal(trainingStatus('sentiment', ['counsel-chat/counsel_chat_train_val.csv'], MODELS).status, 'held out');
  });

  it('an entry with a note (a subset) is partly; a named series outside the note is held out', () => {
    const cped = ['cped-zh/valid_split.csv'];
    assert.equal(trainingStatus('sentiment', cped, MODELS).status, 'partly trained on');
    assert.equal(trainingStatus('sentiment', cped, MODELS, 'series 32').status, 'partly trained on');
    assert.equal(trainingStatus('sentiment', cped, MODELS, 'series 44').status, 'held out');
    const pushback = trainingStatus('pushback', ['xstest/model_completions/xstest_v2_completions_gpt4.csv'], MODELS);
    assert.equal(pushback.status, 'partly trained on');
    assert.deepEqual(pushback.matched, ['pushback: xstest/model_completions (gpt4)']);
  });

  it('reads nested trainedOn records from models/*.json and ignores other files', () => {
    const dir = tempDir('affectlens-models-');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'disclosure.json'),
      JSON.stringify({
        id: 'disclosure',
        emotional: { id: 'disclosure-emotional', trainedOn: ['claff-offmychest (70%)'], weights: [] },
      }),
    );
    writeFileSync(path.join(dir, 'pushback.json'), JSON.stringify({ id: 'pushback', trainedOn: ['xstest'] }));
    writeFileSync(path.join(dir, 'broken.json'), '{');
    writeFileSync(path.join(dir, 'notes.txt'), 'x');
    assert.deepEqual(
      readModelTraining(dir).map((model) => [model.id, model.file]),
      [
        ['disclosure-emotional', 'disclosure.json'],
        ['pushback', 'pushback.json'],
      ],
    );
    assert.deepEqual(readModelTraining(path.join(dir, 'absent')), []);
  });
});
