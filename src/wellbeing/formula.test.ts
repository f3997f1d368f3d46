import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from '../errors.ts';
import { parseFormula, parseMediation, termLabel } from './formula.ts';

const labels = (text: string) => parseFormula(text).terms.map(termLabel);

describe('parseFormula', () => {
  it('expands * into main effects and the interaction, main effects first', () => {
    const f = parseFormula('wellbeing ~ companionship_share * intensity + age');
    assert.equal(f.outcome, 'wellbeing');
    assert.deepEqual(f.terms.map(termLabel), ['companionship_share', 'intensity', 'age', 'companionship_share:intensity']);
    assert.deepEqual(f.variables, ['wellbeing', 'companionship_share', 'intensity', 'age']);
  });

  it(': is the interaction only; duplicates count once; a*b*c has every interaction', () => {
    assert.deepEqual(labels('y ~ a + a:b'), ['a', 'a:b']);
    assert.deepEqual(labels('y ~ a * b + b:a + a'), ['a', 'b', 'a:b']);
    assert.deepEqual(labels('y ~ a * b * c'), ['a', 'b', 'c', 'a:b', 'a:c', 'b:c', 'a:b:c']);
    assert.deepEqual(labels(' y~x '), ['x']);
  });

  it('rejects malformed specs with a ConfigError', () => {
    for (const bad of [
      'y a + b',
      'y ~',
      'y ~ a + ',
      'y ~ a * b:c',
      'y ~ 1x',
      'y ~ y + a',
      'y ~ a:a',
      'y ~ a ~ b',
      'y ~ log(a)',
    ]) {
      assert.throws(() => parseFormula(bad), ConfigError, bad);
    }
  });
});

describe('parseMediation', () => {
  it('reads X -> M -> Y with optional covariates', () => {
    assert.deepEqual(parseMediation('lsns6 -> companionship_share -> who5'), {
      x: 'lsns6',
      m: 'companionship_share',
      y: 'who5',
      covariates: [],
    });
    assert.deepEqual(parseMediation('x->m->y | age + gender').covariates, ['age', 'gender']);
    assert.throws(() => parseMediation('x -> y'), ConfigError);
    assert.throws(() => parseMediation('x -> m -> x'), ConfigError);
  });
});
