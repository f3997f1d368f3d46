import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Cell, suppressSiblings } from './suppress.ts';

const cell = (conversations: number, participants: number, from = 0): Cell => ({
  conversations,
  participants: new Set(Array.from({ length: participants }, (_, i) => from + i)),
});
const k = { kUsers: 5, kConversations: 10 };

describe('suppressSiblings', () => {
  it('suppresses cells below either threshold', () => {
    assert.deepEqual(suppressSiblings([cell(50, 20), cell(40, 4), cell(9, 9, 100), cell(30, 30, 200), cell(12, 12, 300)], k), [
      false,
      true,
      true,
      false,
      false,
    ]);
  });

  it('suppresses the smallest visible sibling too when one small cell could be recovered from the total', () => {
    assert.deepEqual(suppressSiblings([cell(50, 20), cell(3, 2), cell(30, 30, 100), cell(12, 12, 200)], k), [
      false,
      true,
      false,
      true,
    ]);
  });

  it('leaves everything visible when every cell is big enough', () => {
    assert.deepEqual(suppressSiblings([cell(50, 20), cell(10, 5)], k), [false, false]);
  });
});
