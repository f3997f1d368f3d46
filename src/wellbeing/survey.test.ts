import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../errors.ts';
import { loadScaleConfig, mergeScaleFiles, parseScaleFile, type ScaleConfig } from './scale-definitions.ts';
import { scoreScale } from './score-scale.ts';
import { readSurvey } from './survey.ts';

const SCALES = path.resolve(fileURLToPath(new URL('../../scales', import.meta.url)));
const pseudonym = (id: string) => `h(${id})`;

const custom = (text: string): ScaleConfig => mergeScaleFiles([{ origin: 'test', data: parseScaleFile(text, 'test') }]);

describe('scale definitions', () => {
  it('loads the shipped WHO-5, UCLA-3 and LSNS-6 definitions', () => {
    const config = loadScaleConfig(['who5.yaml', 'ucla3.yaml', 'lsns6.yaml'].map((f) => path.join(SCALES, f)));
    assert.deepEqual(
      config.scales.map((s) => [s.name, s.items.length, s.range]),
      [
        ['who5', 5, [0, 5]],
        ['ucla3', 3, [1, 3]],
        ['lsns6', 6, [0, 5]],
      ],
    );
    assert.equal(config.idColumn, 'participant');
  });

  it('rejects invalid definitions with the field named', () => {
    assert.throws(() => custom('scales: [{name: x, items: [a], range: [3, 1], scoring: sum}]'), /range/);
    assert.throws(
      () => custom('scales: [{name: x, items: [a, b], range: [1, 3], scoring: sum, reverse: [c]}]'),
      /reverse-keyed "c"/,
    );
    assert.throws(() => custom('scales: [{name: x, items: [a, b], range: [1, 3], scoring: sum, min_answered: 1}]'), /prorate/);
    assert.throws(() => custom('scales: [{name: x, items: [a], range: [1, 3], scoring: median}]'), ConfigError);
    assert.throws(() => custom('scales: []'), /no scale/);
  });
});

describe('scoreScale', () => {
  const config = custom(`
scales:
  - {name: m, items: [a, b, c, d], range: [1, 5], reverse: [b], scoring: mean, min_answered: 3}
  - {name: s, items: [a, b, c, d], range: [1, 5], reverse: [b], scoring: sum, min_answered: 3, prorate: true, multiplier: 2}
  - {name: full, items: [a, b, c, d], range: [1, 5], scoring: sum}
`);
  const [mean, sum, full] = config.scales as [ScaleConfig['scales'][0], ScaleConfig['scales'][0], ScaleConfig['scales'][0]];
  const cells = (values: Record<string, string>) => (column: string) => values[column];

  it('reverse-keys items (min + max − answer) and scores sum / mean', () => {
    const answers = cells({ a: '5', b: '1', c: '4', d: '2' });
    assert.equal(scoreScale(mean, answers).score, (5 + 5 + 4 + 2) / 4);
    assert.equal(scoreScale(sum, answers).score, 2 * 16);
    assert.equal(scoreScale(full, answers).score, 12);
  });

  it('minimum answered: mean of the answered items, prorated sum, else missing — never a zero', () => {
    const three = cells({ a: '5', b: '', c: '4', d: '3' });
    assert.equal(scoreScale(mean, three).score, 4);
    assert.equal(scoreScale(sum, three).score, 2 * (12 / 3) * 4);
    assert.equal(scoreScale(full, three).score, null);
    assert.deepEqual(scoreScale(full, three).problems, [{ kind: 'missing_answer', column: 'b', value: '' }]);
    const two = cells({ a: '5', b: 'seven', c: '9', d: '' });
    const scored = scoreScale(mean, two);
    assert.equal(scored.score, null);
    assert.equal(scored.answered, 1);
    assert.deepEqual(
      scored.problems.map((p) => [p.kind, p.column, p.value]),
      [
        ['non_numeric', 'b', 'seven'],
        ['out_of_range', 'c', '9'],
        ['missing_answer', 'd', ''],
      ],
    );
  });
});

describe('readSurvey', () => {
  const config = custom(`
motivation_column: motive
scales:
  - {name: ucla3, items: [u1, u2, u3], range: [1, 3], scoring: sum}
`);

  it('scores rows and reports per-participant problems with pseudonym, line, column and value only', () => {
    const csv = [
      'participant,u1,u2,u3,age,motive,notes',
      'p1,1,2,3,30,Companionship,my secret diary text',
      'p2,1,4,3,41,,private words here',
      'p3,1,2,x,abc,advice,',
      ',1,1,1,20,,',
      'p4,2,2,2,33,fun,',
      'p4,3,3,3,34,fun,',
    ].join('\n');
    const survey = readSurvey(csv, config, { covariates: ['age'], pseudonym });
    assert.equal(survey.rows, 6);
    assert.deepEqual(
      survey.participants.map((p) => [p.pseudonym, p.values.ucla3, p.values.age, p.motivation]),
      [
        ['h(p1)', 6, 30, 'companionship'],
        ['h(p2)', null, 41, null],
        ['h(p3)', null, null, 'advice'],
      ],
    );
    assert.deepEqual(
      survey.errors.map((e) => [e.kind, e.participant, e.line, e.column, e.value]),
      [
        ['out_of_range', 'h(p2)', 3, 'u2', '4'],
        ['scale_missing', 'h(p2)', 3, 'ucla3', ''],
        ['non_numeric', 'h(p3)', 4, 'u3', 'x'],
        ['scale_missing', 'h(p3)', 4, 'ucla3', ''],
        ['non_numeric', 'h(p3)', 4, 'age', 'abc'],
        ['missing_id', '', 5, 'participant', ''],
        ['duplicate_id', 'h(p4)', 6, 'participant', ''],
        ['duplicate_id', 'h(p4)', 7, 'participant', ''],
      ],
    );
    const printed = JSON.stringify(survey.errors);
    for (const secret of ['secret', 'private', 'diary']) assert.ok(!printed.includes(secret), secret);
  });

  it('a missing item or id column is a configuration error', () => {
    assert.throws(() => readSurvey('participant,u1,u2,motive\np1,1,2,x\n', config, { pseudonym }), /u3/);
    assert.throws(() => readSurvey('id,u1,u2,u3,motive\np1,1,2,3,x\n', config, { pseudonym }), /participant/);
  });
});
