import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { createRandom } from '../../stats/random.ts';
import { needsShared, sharedPath } from '../../testing/shared-datasets.ts';
import { affectiveFeatures, affectiveVector, cueHits, viewOf } from '../affective/features.ts';
import { distressCueSample, distressFeatures, distressVector } from '../crisis/features.ts';
import { disclosureFeatures, disclosureInput, disclosureVector } from '../disclosure/features.ts';
import { glossChinese } from '../disclosure/zh-gloss.ts';
import { replyFeatures, replyVector } from '../pushback/features.ts';
import {
  messageLanguage,
  messageTokens,
  polarityFeatures,
  polarityFeaturesFromTokens,
  polarityVector,
  polarityVectorFromTokens,
} from '../sentiment/features.ts';
import { type Features, normalizeFeatures } from './features.ts';
import { LinearModel } from './linear-model.ts';
import {
  addTokenFeatures,
  checkpoint,
  explain,
  FeatureSpace,
  namedKey,
  probability,
  SparseVector,
  setTransientLimit,
  tokenId,
} from './sparse.ts';

/** Same names, same order, same values (bit for bit). */
function assertSameFeatures(actual: Map<string, number>, expected: Features, label = ''): void {
  assert.deepEqual([...actual.entries()], [...expected.entries()], label);
}

const TEXTS = [
  "I'm so lonely lately, my husband doesn't talk to me anymore. What should I do? I can't sleep.",
  '我最近很难过，和男朋友分手了，不知道该怎么办。我觉得自己一无是处！',
  "I'm sorry, but I can't help with that. However, I can suggest some resources. Please reach out to a crisis hotline.",
  '抱歉，我无法帮助你做这件事。但是我可以为你提供一些建议。',
  'Write a python function that sorts 3,000,000 numbers in 1.5 seconds',
  'ok',
  '',
  '帮我写一个python函数 and explain it',
];

/** Many distinct words, so vectors grow past their first capacity. */
function longText(seed: number, words: number): string {
  const random = createRandom(seed);
  const parts: string[] = [];
  for (let i = 0; i < words; i++) parts.push(`w${Math.floor(random() * 5000).toString(36)}`);
  return parts.join(random() < 0.5 ? ' ' : ', ');
}

function corpus(): string[] {
  const texts = [...TEXTS, longText(1, 900), longText(2, 3000), `${TEXTS[1]} ${longText(3, 400)}`];
  const path = 'silver-labels/conversations.jsonl';
  if (needsShared(path).skip === undefined) {
    for (const line of readFileSync(sharedPath(path), 'utf8').split('\n').slice(0, 300)) {
      if (!line.trim()) continue;
      const record = JSON.parse(line) as { messages?: { content?: unknown }[] };
      for (const message of record.messages ?? []) if (typeof message.content === 'string') texts.push(message.content);
    }
  }
  return texts;
}

describe('SparseVector', () => {
  it('adds, sets and normalises like a Map, across growth', () => {
    const vector = new SparseVector();
    const map: Features = new Map();
    const random = createRandom(5);
    for (let round = 0; round < 3; round++) {
      vector.clear();
      map.clear();
      for (let i = 0; i < 5000; i++) {
        const token = `t${Math.floor(random() * 1500)}`;
        if (random() < 0.2) {
          vector.set(namedKey(`n:${token}`), -1, i);
          map.set(`n:${token}`, i);
        } else {
          addTokenFeatures(vector, [token], 'w:', undefined, 1);
          map.set(`w:${token}`, (map.get(`w:${token}`) ?? 0) + 1);
        }
      }
      assertSameFeatures(vector.toFeatures(), map);
      vector.normalize();
      assertSameFeatures(vector.toFeatures(), normalizeFeatures(map));
    }
  });

  it('keeps a value set just as the vector grows', () => {
    for (let size = 250; size < 1100; size++) {
      const vector = new SparseVector();
      addTokenFeatures(
        vector,
        Array.from({ length: size }, (_, i) => `g${i}`),
        'w:',
        undefined,
        size,
      );
      vector.set(namedKey('n:last'), -1, 7);
      assert.equal(vector.toFeatures().get('n:last'), 7, `after ${size}`);
    }
  });

  it('scores and explains like LinearModel', () => {
    const random = createRandom(9);
    const weights: [string, number][] = [];
    for (let i = 0; i < 800; i++) weights.push([`uw:t${i}`, random() - 0.5], [`ub:t${i} t${i + 1}`, random() - 0.5]);
    weights.push(['c:lonely', 0.7], ['fp:high', -0.3]);
    const file = { id: 'test', version: 1, trainedOn: [], threshold: 0.5, bias: -0.2, weights };
    const model = new LinearModel(file);
    const space = new FeatureSpace({ unigrams: ['uw:'], bigrams: ['ub:'] });
    const sparse = space.add(file.bias, file.weights);
    space.seal();
    const tokens = Array.from({ length: 600 }, () => `t${Math.floor(random() * 1000)}`);
    const vector = new SparseVector();
    addTokenFeatures(vector, tokens, 'uw:', 'ub:', 500);
    vector.normalize();
    vector.set(namedKey('c:lonely'), -1, 1);
    vector.set(namedKey('fp:high'), -1, 0.5);
    const features = vector.toFeatures();
    const indices = space.lookup(vector);
    assert.equal(probability(sparse, vector, indices), model.probability(features));
    assert.deepEqual(explain(sparse, vector, indices, 7), model.explain(features, 7));
  });
});

describe('the vocabulary', () => {
  it('forgets transient token ids at a checkpoint and keeps the models’ ones', () => {
    const file = {
      id: 'test',
      version: 1,
      trainedOn: [],
      threshold: 0.5,
      bias: 0.1,
      weights: [
        ['w:kept', 0.5],
        ['b:kept word', -0.25],
      ] as [string, number][],
    };
    const space = new FeatureSpace({ unigrams: ['w:'], bigrams: ['b:'] });
    const model = space.add(file.bias, file.weights);
    space.seal();
    const score = () => {
      const vector = new SparseVector();
      addTokenFeatures(vector, ['kept', 'word', 'transient-token'], 'w:', 'b:', 10);
      vector.normalize();
      return { p: probability(model, vector, space.lookup(vector)), names: [...vector.toFeatures().keys()] };
    };
    const before = score();
    const previous = setTransientLimit(10);
    try {
      for (let i = 0; i < 50; i++) tokenId(`transient-${i}`);
      const id = tokenId('transient-0');
      checkpoint();
      assert.ok(tokenId('fresh-after-checkpoint') <= id, 'transient ids were forgotten');
      assert.deepEqual(score(), before);
      assert.equal(
        new LinearModel(file).probability(
          normalizeFeatures(
            new Map([
              ['w:kept', 1],
              ['b:kept word', 1],
              ['w:word', 1],
              ['b:word transient-token', 1],
              ['w:transient-token', 1],
            ]),
          ),
        ),
        before.p,
      );
    } finally {
      setTransientLimit(previous);
    }
  });
});

describe('run-time feature vectors equal the Map-based features the models were trained on', () => {
  const texts = corpus();

  it('affective', () => {
    for (let i = 0; i + 3 <= texts.length; i += 3) {
      const view = viewOf(texts.slice(i, i + 3));
      const hits = cueHits(view);
      assertSameFeatures(affectiveVector(view, hits).toFeatures(), affectiveFeatures(view, hits), `at ${i}`);
    }
  });

  it('crisis distress', () => {
    for (let i = 0; i + 2 <= texts.length; i += 2) {
      const sample = texts.slice(i, i + 2);
      assertSameFeatures(distressVector(sample).toFeatures(), distressFeatures(sample), `at ${i}`);
      const joined = distressCueSample(sample);
      if (joined !== undefined) assertSameFeatures(distressVector(sample, joined).toFeatures(), distressFeatures(sample));
    }
  });

  it('pushback replies', () => {
    for (const text of texts) {
      const expected = replyFeatures(text);
      const actual = replyVector(text);
      assertSameFeatures(actual.features.toFeatures(), expected.features, text.slice(0, 40));
      assert.deepEqual([...actual.rules], [...expected.rules]);
    }
  });

  it('sentiment and disclosure', () => {
    const vector = new SparseVector();
    for (const text of texts) {
      const language = messageLanguage(text);
      assertSameFeatures(polarityVector(vector, text, language).toFeatures(), polarityFeatures(text, language));
      const glossed = glossChinese(messageTokens(text)).tokens;
      assertSameFeatures(polarityVectorFromTokens(vector, glossed, 'en').toFeatures(), polarityFeaturesFromTokens(glossed, 'en'));
      const input = disclosureInput(text);
      assertSameFeatures(disclosureVector(input).toFeatures(), disclosureFeatures(input));
    }
  });
});
