import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Rng } from '../testing/seeded-random.ts';
import { isoFromEpochMs, toIsoTimestamp } from './normalize.ts';

describe('isoFromEpochMs', () => {
  test('equals Date#toISOString on boundaries, leap days and fractional milliseconds', () => {
    const cases = [
      0,
      1,
      999,
      1000,
      86_399_999,
      86_400_000,
      631152000000,
      951782400000,
      951868799999,
      4102444800000,
      4107542400000,
      253402300799999,
      1700000000123.456,
      1700000000123.999,
      1686564000000.5,
      1583020800000 - 1,
      1583020800000,
    ];
    for (const ms of cases) assert.equal(isoFromEpochMs(ms), new Date(ms).toISOString(), String(ms));
  });

  test('equals Date#toISOString on random times 1970–2100 and beyond', () => {
    const rng = new Rng(5);
    for (let i = 0; i < 200_000; i++) {
      const ms = rng.next() < 0.5 ? Math.floor(rng.next() * 4.2e12) : rng.next() * 2.6e14;
      assert.equal(isoFromEpochMs(ms), new Date(ms).toISOString(), String(ms));
    }
  });

  test('outside 0000–9999 it falls back to Date', () => {
    assert.equal(isoFromEpochMs(-1), new Date(-1).toISOString());
    assert.equal(isoFromEpochMs(253402300800000), new Date(253402300800000).toISOString());
  });

  test('toIsoTimestamp: seconds, milliseconds, strings, implausible values', () => {
    assert.equal(toIsoTimestamp(1686564000), '2023-06-12T10:00:00.000Z');
    assert.equal(toIsoTimestamp(1686564000.1234), '2023-06-12T10:00:00.123Z');
    assert.equal(toIsoTimestamp(1686564000123), '2023-06-12T10:00:00.123Z');
    assert.equal(toIsoTimestamp('1686564000'), '2023-06-12T10:00:00.000Z');
    assert.equal(toIsoTimestamp('2023-06-12T12:00:00+02:00'), '2023-06-12T10:00:00.000Z');
    assert.equal(toIsoTimestamp(0), undefined);
    assert.equal(toIsoTimestamp('not a date'), undefined);
  });
});
