import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pseudonymize } from '../privacy/pseudonymize.ts';
import { matchParticipants, surveyPseudonym } from './match-participants.ts';

describe('matchParticipants', () => {
  const key = Buffer.alloc(32, 1);
  it('matches --participant (explicit) and per-record (format-scoped) imports, pooling both, and nothing else', () => {
    const stored = new Set([
      pseudonymize(key, 'explicit', 'A'),
      pseudonymize(key, 'csv', 'B'),
      pseudonymize(key, 'explicit', 'C'),
      pseudonymize(key, 'character-ai', 'C'),
      pseudonymize(key, 'file', 'D'),
      pseudonymize(Buffer.alloc(32, 2), 'explicit', 'E'),
    ]);
    const matches = matchParticipants(key, ['A', 'B', 'C', 'D', 'E'], stored);
    assert.deepEqual(
      [...matches.values()].map((m) => m.length),
      [1, 1, 2, 0, 0],
    );
    assert.equal(surveyPseudonym(key, 'A'), pseudonymize(key, 'explicit', 'A'));
  });
});
