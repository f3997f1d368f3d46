import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRandom } from '../stats/random.ts';
import { type CellCount, DEFAULT_THRESHOLDS, meetsThresholds, reported, suppressPartition } from './thresholds.ts';

const k = DEFAULT_THRESHOLDS; // 5 participants, 10 conversations

const cell = (key: string, participants: number, conversations: number) => ({ key, count: { participants, conversations } });
const totalOf = (cells: readonly { count: CellCount }[]): CellCount => ({
  participants: cells.reduce((s, c) => s + c.count.participants, 0),
  conversations: cells.reduce((s, c) => s + c.count.conversations, 0),
});
/** key → reason ('-' when published), for compact assertions. */
const outcome = (cells: readonly { key: string; suppressed: boolean; suppressionReason?: string }[]) =>
  Object.fromEntries(cells.map((c) => [c.key, c.suppressed ? c.suppressionReason : '-']));

describe('thresholds', () => {
  it('defaults to 5 participants and 10 conversations', () => {
    assert.deepEqual({ ...DEFAULT_THRESHOLDS }, { kUsers: 5, kConversations: 10 });
    assert.ok(Object.isFrozen(DEFAULT_THRESHOLDS));
  });

  it('meetsThresholds: both minimums are inclusive and both are required', () => {
    assert.equal(meetsThresholds({ participants: 5, conversations: 10 }, k), true);
    assert.equal(meetsThresholds({ participants: 4, conversations: 100 }, k), false);
    assert.equal(meetsThresholds({ participants: 50, conversations: 9 }, k), false);
    assert.equal(meetsThresholds({ participants: 2, conversations: 3 }, { kUsers: 2, kConversations: 3 }), true);
  });

  it('rejects negative or fractional counts and thresholds', () => {
    assert.throws(() => meetsThresholds({ participants: -1, conversations: 10 }, k), RangeError);
    assert.throws(() => meetsThresholds({ participants: 5, conversations: 1.5 }, k), RangeError);
    assert.throws(
      () => meetsThresholds({ participants: 5, conversations: 10 }, { kUsers: Number.NaN, kConversations: 10 }),
      RangeError,
    );
    assert.throws(() => suppressPartition([cell('a', 1, Number.NaN)], k), RangeError);
  });
});

describe('suppressPartition', () => {
  it('suppresses nothing when every cell meets k', () => {
    const cells = [cell('advice', 40, 120), cell('coaching', 8, 15), cell('companionship', 5, 10)];
    const out = suppressPartition(cells, k, { total: totalOf(cells) });
    assert.deepEqual(outcome(out), { advice: '-', coaching: '-', companionship: '-' });
    for (const c of out) assert.equal('suppressionReason' in c, false);
  });

  it('one cell below k and a published total → the next smallest cell is suppressed too', () => {
    const cells = [cell('advice', 40, 120), cell('coaching', 12, 30), cell('romance', 2, 3), cell('counseling', 9, 20)];
    const out = suppressPartition(cells, k, { total: totalOf(cells) });
    assert.deepEqual(outcome(out), { advice: '-', coaching: '-', romance: 'below-threshold', counseling: 'complementary' });
  });

  it('without a published total there is nothing to subtract from: primary suppression only', () => {
    const cells = [cell('advice', 40, 120), cell('romance', 2, 3), cell('counseling', 9, 20)];
    assert.deepEqual(outcome(suppressPartition(cells, k)), { advice: '-', romance: 'below-threshold', counseling: '-' });
  });

  it('two cells already suppressed whose sum meets k → no extra suppression', () => {
    // Participants additive (a partition of participants): 3 + 4 = 7 ≥ 5, 6 + 6 = 12 ≥ 10.
    const cells = [cell('a', 30, 60), cell('b', 3, 6), cell('c', 4, 6), cell('d', 9, 20)];
    const additive = suppressPartition(cells, k, { total: totalOf(cells), participantsAdditive: true });
    assert.deepEqual(outcome(additive), { a: '-', b: 'below-threshold', c: 'below-threshold', d: '-' });
    // Overlapping participants: c is suppressed for conversations but has 6 participants itself.
    const overlapping = [cell('a', 30, 60), cell('b', 3, 6), cell('c', 6, 8), cell('d', 9, 20)];
    const out = suppressPartition(overlapping, k, { total: { participants: 35, conversations: 94 } });
    assert.deepEqual(outcome(out), { a: '-', b: 'below-threshold', c: 'below-threshold', d: '-' });
  });

  it('suppressed cells whose sum is still below k → more cells are suppressed', () => {
    // 2 + 3 = 5 conversations < 10: add the smallest (e, 4 conversations) → 9 < 10: add d (20) → 29.
    const cells = [cell('a', 30, 60), cell('b', 1, 2), cell('c', 2, 3), cell('d', 9, 20), cell('e', 5, 4)];
    const out = suppressPartition(cells, k, { total: totalOf(cells), participantsAdditive: true });
    assert.deepEqual(outcome(out), {
      a: '-',
      b: 'below-threshold',
      c: 'below-threshold',
      d: 'complementary',
      e: 'below-threshold',
    });
    const small = suppressPartition([cell('a', 30, 60), cell('b', 1, 2), cell('c', 2, 3), cell('d', 9, 20)], k, {
      total: { participants: 42, conversations: 85 },
      participantsAdditive: true,
    });
    assert.deepEqual(outcome(small), { a: '-', b: 'below-threshold', c: 'below-threshold', d: 'complementary' });
  });

  it('when participants may overlap, the suppressed group needs a lower bound ≥ kUsers', () => {
    // b and c have 3 and 4 participants: possibly the same 4 people, so 3 + 4 proves nothing.
    const cells = [cell('a', 30, 60), cell('b', 3, 6), cell('c', 4, 6), cell('d', 9, 20)];
    const total = { participants: 33, conversations: 92 };
    assert.deepEqual(outcome(suppressPartition(cells, k, { total })), {
      a: '-',
      b: 'below-threshold',
      c: 'below-threshold',
      d: 'complementary',
    });
    // …unless the total proves at least 5 participants are in no published cell: 44 − (30 + 9) = 5.
    const moreTotal = { participants: 44, conversations: 92 };
    assert.deepEqual(outcome(suppressPartition(cells, k, { total: moreTotal })), {
      a: '-',
      b: 'below-threshold',
      c: 'below-threshold',
      d: '-',
    });
  });

  it('suppresses everything when no complement is large enough', () => {
    const cells = [cell('a', 1, 2), cell('b', 2, 2), cell('c', 1, 1)];
    const out = suppressPartition(cells, k, { total: totalOf(cells) });
    assert.ok(out.every((c) => c.suppressed && c.suppressionReason === 'below-threshold'));
    // Cells that meet k are pulled in when the rest cannot reach k.
    const mixed = [cell('a', 1, 2), cell('b', 6, 11), cell('c', 1, 1)];
    const total = { participants: 6, conversations: 14 };
    assert.deepEqual(outcome(suppressPartition(mixed, k, { total })), {
      a: 'below-threshold',
      b: 'complementary',
      c: 'below-threshold',
    });
  });

  it('counts the part of the total no cell covers, but still never leaves a lone suppressed cell', () => {
    // 200 conversations in total, 190 in cells: the reader recovers romance + 10 uncovered (13 ≥ 10 conversations).
    const cells = [cell('advice', 60, 150), cell('romance', 2, 3), cell('counseling', 12, 37)];
    const total = { participants: 80, conversations: 200 };
    assert.deepEqual(outcome(suppressPartition(cells, k, { total })), {
      advice: '-',
      romance: 'below-threshold',
      counseling: 'complementary',
    });
  });

  it('breaks ties by input (key) order, deterministically', () => {
    const cells = [cell('a', 30, 60), cell('x', 7, 15), cell('y', 7, 15), cell('small', 1, 1)];
    assert.deepEqual(outcome(suppressPartition(cells, k, { total: totalOf(cells) })), {
      a: '-',
      x: 'complementary',
      y: '-',
      small: 'below-threshold',
    });
    const swapped = [cells[0]!, cells[2]!, cells[1]!, cells[3]!];
    assert.deepEqual(outcome(suppressPartition(swapped, k, { total: totalOf(swapped) })), {
      a: '-',
      y: 'complementary',
      x: '-',
      small: 'below-threshold',
    });
    // Equal conversations: fewer participants is smaller.
    const byParticipants = [cell('p8', 8, 15), cell('p6', 6, 15), cell('small', 1, 1)];
    assert.deepEqual(outcome(suppressPartition(byParticipants, k, { total: totalOf(byParticipants) })), {
      p8: '-',
      p6: 'complementary',
      small: 'below-threshold',
    });
  });

  it('keeps every field and the input order, and does not modify the input', () => {
    const cells = [
      { key: 'a', count: { participants: 30, conversations: 60 }, share: 0.6 },
      { key: 'b', count: { participants: 1, conversations: 2 }, share: 0.02 },
    ];
    const before = structuredClone(cells);
    const out = suppressPartition(cells, k);
    assert.deepEqual(cells, before);
    assert.deepEqual(out[0], { ...cells[0], suppressed: false });
    assert.deepEqual(out[1], { ...cells[1], suppressed: true, suppressionReason: 'below-threshold' });
  });

  it('rejects cells that add up to more than the total', () => {
    const cells = [cell('a', 30, 60), cell('b', 1, 2)];
    assert.throws(() => suppressPartition(cells, k, { total: { participants: 31, conversations: 61 } }), RangeError);
    assert.throws(
      () => suppressPartition(cells, k, { total: { participants: 30, conversations: 62 }, participantsAdditive: true }),
      RangeError,
    );
  });

  it('property: on random partitions, no suppressed value can be recovered to a group below k', () => {
    const random = createRandom(2025);
    for (let trial = 0; trial < 2000; trial++) {
      const size = 1 + Math.floor(random() * 8);
      const cells = Array.from({ length: size }, (_, i) => {
        const conversations = Math.floor(random() * 30);
        return cell(`c${i}`, Math.min(conversations, Math.floor(random() * 12)), conversations);
      });
      const additive = random() < 0.5;
      const total = totalOf(cells);
      if (!additive) {
        // Overlapping participants: the distinct total lies between the largest cell and the sum.
        const largest = Math.max(...cells.map((c) => c.count.participants));
        total.participants = largest + Math.floor(random() * (total.participants - largest + 1));
      }
      const out = suppressPartition(cells, k, { total, participantsAdditive: additive });
      for (let i = 0; i < size; i++) {
        if (!meetsThresholds(cells[i]!.count, k)) assert.equal(out[i]!.suppressionReason, 'below-threshold');
      }
      const suppressed = out.filter((c) => c.suppressed);
      if (suppressed.length === 0 || suppressed.length === size) continue;
      assert.ok(suppressed.length >= 2, `trial ${trial}: a lone suppressed cell`);
      const published = out.filter((c) => !c.suppressed);
      const rest = {
        conversations: total.conversations - published.reduce((s, c) => s + c.count.conversations, 0),
        // What a reader can be sure of: exact when additive, otherwise the best lower bound.
        participants: Math.max(
          total.participants - published.reduce((s, c) => s + c.count.participants, 0),
          additive ? 0 : Math.max(...suppressed.map((c) => c.count.participants)),
        ),
      };
      assert.ok(meetsThresholds(rest, k), `trial ${trial}: the suppressed cells add up to ${JSON.stringify(rest)}`);
    }
  });
});

describe('reported', () => {
  it('passes values of published cells and withholds those of suppressed cells', () => {
    const [shown, hidden] = suppressPartition([cell('a', 30, 60), cell('b', 1, 2)], k);
    assert.equal(reported(shown!, 0.42), 0.42);
    assert.deepEqual(reported(shown!, { low: 0.1, high: 0.2 }), { low: 0.1, high: 0.2 });
    assert.equal(reported(hidden!, 0.42), null);
    assert.equal(reported(hidden!, { low: 0.1, high: 0.2 }), null);
  });
});
