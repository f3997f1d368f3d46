import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { writeFixtureDatasets } from '../test-fixtures.ts';
import { isSkipped, type Loaded } from '../types.ts';
import { loadChatgptExport } from './chatgpt-export.ts';
import { loadClaff } from './claff.ts';
import { loadClue } from './clue.ts';
import { dedupe, normalizePrompt, subsample } from './common.ts';
import { loadCounselChat } from './counsel-chat.ts';
import { loadEsconv } from './esconv.ts';
import { goEmotionsPolarity, loadGoEmotions } from './goemotions.ts';
import { loadHhRlhf } from './hh-rlhf.ts';
import { loadMeld } from './meld.ts';
import { loadOrdinaryUse, ORDINARY_USE_SETS, poolOrdinaryUse } from './ordinary-use.ts';
import { loadSilverLabels } from './silver-labels.ts';
import { loadXstestCompletions, loadXstestPrompts } from './xstest.ts';
import { loadCpsycoun } from './zh-counselling.ts';

const root = writeFixtureDatasets();
const options = { root };

function loaded<T>(value: Loaded<T>): T {
  if (isSkipped(value)) assert.fail(`unexpectedly skipped: ${value.skipped}`);
  return value;
}

describe('loaders on hand-written fixtures', () => {
  it('xstest: full and partial refusal are pushback, compliance is not; prompts are one-message conversations', () => {
    const completions = loaded(loadXstestCompletions(options));
    assert.deepEqual(
      completions.items.map((item) => item.label.refusal),
      [false, true, true, false],
    );
    assert.deepEqual(
      completions.items[1]?.conversation.messages.map((message) => message.role),
      ['user', 'assistant'],
    );
    assert.deepEqual(completions.files, ['xstest/model_completions/xstest_v2_completions_toy.csv']);
    const prompts = loaded(loadXstestPrompts(options));
    assert.equal(prompts.items.length, 3);
    assert.equal(prompts.items[2]?.conversation.messages[0]?.text, 'Why should I feel sad, honestly?');
  });

  it('CL-Aff: both disclosure labels', () => {
    const set = loaded(loadClaff(options));
    assert.deepEqual(
      set.items.map((item) => [item.label.emotional, item.label.informational]),
      [
        [true, false],
        [false, true],
        [false, false],
        [true, true],
      ],
    );
  });

  it('GoEmotions: polarity groups, ambiguous and mixed kept apart', () => {
    const set = loaded(loadGoEmotions(options));
    assert.deepEqual(
      set.items.map((item) => item.label),
      ['positive', 'negative', 'ambiguous', 'neutral', 'mixed'],
    );
    const mapping = { positive: ['joy'], negative: ['sadness'], ambiguous: ['surprise'] };
    assert.equal(goEmotionsPolarity(['surprise', 'joy'], mapping), 'positive');
    assert.equal(goEmotionsPolarity(['neutral'], mapping), 'neutral');
  });

  it('CLUE: surprise left out, the rest mapped to polarity', () => {
    const set = loaded(loadClue(options));
    assert.deepEqual(
      set.items.map((item) => item.label),
      ['positive', 'negative'],
    );
    assert.equal(set.total, 3);
  });

  it('ESConv through the dialogue importer: seeker = user, drop = initial − final', async () => {
    const set = loaded(await loadEsconv(options, 'valid'));
    const item = set.items[0];
    assert.ok(item);
    assert.deepEqual(
      { drop: item.label.drop, problem: item.label.problem },
      {
        drop: 3,
        problem: 'job crisis',
      },
    );
    assert.equal(item.conversation.messages.filter((message) => message.role === 'user').length, 6);
    assert.equal(item.conversation.messages[0]?.role, 'assistant');
  });

  it('counsel-chat: one conversation per question, topic as label', () => {
    const set = loaded(loadCounselChat(options));
    assert.equal(set.items.length, 2);
    assert.equal(set.items[0]?.conversation.messages.length, 1);
    assert.equal(set.items[0]?.conversation.messages[0]?.text, 'Why am I sad?\n\nI feel sad all the time.');
    assert.equal(set.items[1]?.label.topic, 'self-harm');
  });

  it('silver labels: joined on id, licence by source', async () => {
    const set = loaded(await loadSilverLabels(options));
    const byId = new Map(set.items.map((item) => [item.conversation.id, item.label]));
    assert.equal(byId.get('s1')?.licence, 'trainable');
    assert.deepEqual(byId.get('s1')?.affective, ['counseling']);
    assert.equal(byId.get('s2')?.licence, 'eval-only');
    assert.equal(byId.get('s2')?.sourceFolder, 'esconv');
  });

  it('ChatGPT export through its importer, with silver labels where they exist', async () => {
    const set = loaded(await loadChatgptExport(options));
    assert.equal(set.items.length, 2);
    const labelled = set.items.filter((item) => item.label.silver);
    assert.deepEqual(
      labelled.map((item) => item.conversation.id),
      ['conv-0'],
    );
  });

  it('ordinary use: answers join as assistant turns, duplicates are dropped, pooled across sets', async () => {
    const belleSet = ORDINARY_USE_SETS.find((set) => set.folder === 'belle-eval-zh');
    const mtSet = ORDINARY_USE_SETS.find((set) => set.folder === 'fastchat-mtbench');
    assert.ok(belleSet && mtSet);
    const belle = loaded(await loadOrdinaryUse(belleSet, options));
    assert.equal(belle.items.length, 2);
    assert.match(belle.note ?? '', /1 duplicate/);
    const mt = loaded(await loadOrdinaryUse(mtSet, options));
    assert.deepEqual(
      mt.items[0]?.conversation.messages.map((message) => message.role),
      ['user', 'assistant', 'user', 'assistant'],
    );
    assert.deepEqual(
      mt.items[1]?.conversation.messages.map((message) => message.role),
      ['user'],
    );
    const pooled = poolOrdinaryUse([belle, mt, belle]);
    assert.equal(pooled.items.length, 4);
    assert.equal(pooled.total, 6);
  });
});

describe('absent folders skip with one line', () => {
  const empty = { root: writeFixtureDatasets(['none']) };
  it('every loader', async () => {
    const answers = [
      loadMeld(empty),
      loadClaff(empty),
      loadXstestCompletions(empty),
      await loadHhRlhf(empty),
      await loadCpsycoun(empty),
      await loadSilverLabels(empty),
      await loadEsconv(empty, 'train'),
      ...(await Promise.all(ORDINARY_USE_SETS.map((set) => loadOrdinaryUse(set, empty)))),
    ];
    for (const answer of answers) {
      assert.ok(isSkipped(answer));
      assert.doesNotMatch(answer.skipped, /\n/);
      assert.match(answer.skipped, /absent, skipped$/);
    }
  });
});

describe('subsample and dedupe', () => {
  const items = Array.from({ length: 100 }, (_, i) => `item ${i}`);
  it('is deterministic, keeps order, and keeps all without a cap', () => {
    const first = subsample(items, 10, (item) => item);
    assert.deepEqual(
      first,
      subsample(items, 10, (item) => item),
    );
    assert.equal(first.length, 10);
    assert.deepEqual(
      first,
      [...first].sort((a, b) => items.indexOf(a) - items.indexOf(b)),
    );
    assert.equal(subsample(items, undefined, (item) => item).length, 100);
  });

  it('dedupes on normalised text', () => {
    assert.equal(normalizePrompt('  Hello\n  World '), 'hello world');
    const result = dedupe(['Hi there', 'hi  there', 'Other'], (text) => text);
    assert.deepEqual(result, { items: ['Hi there', 'Other'], removed: 1 });
  });
});
