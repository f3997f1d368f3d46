import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countTerms, selectVocabulary } from './vocabulary.ts';

describe('countTerms', () => {
  it('counts documents and distinct participants, whatever the document order', () => {
    const counts = countTerms(['p1', 'p2', 'p1', 'p3'], [['sad', 'sad', 'job'], ['sad'], ['sad'], ['job']]);
    const id = (term: string) => counts.terms.indexOf(term);
    assert.equal(counts.documentFrequency[id('sad')], 3);
    assert.equal(counts.participantFrequency[id('sad')], 2);
    assert.equal(counts.participantFrequency[id('job')], 2);
    assert.deepEqual([...(counts.documents[0]?.counts ?? [])], [2, 1]);
  });
});

describe('selectVocabulary', () => {
  it('keeps a term used by exactly k participants and drops one person’s word, however often they use it', () => {
    const participants: string[] = [];
    const lists: string[][] = [];
    // One participant says 'zorblax' in 40 conversations; 'breakup' is said by exactly 5 participants.
    for (let i = 0; i < 40; i++) {
      participants.push('loner');
      lists.push(['zorblax', 'filler']);
    }
    for (let p = 0; p < 5; p++) {
      participants.push(`p${p}`);
      lists.push(['breakup']);
    }
    for (let p = 5; p < 9; p++) {
      participants.push(`p${p}`);
      lists.push(['exam']);
    }
    const vocabulary = selectVocabulary(countTerms(participants, lists), { minParticipants: 5 });
    assert.deepEqual(vocabulary.terms, ['breakup']);
  });

  it('drops terms in more than half of the documents', () => {
    const lists = Array.from({ length: 10 }, (_, i) => (i < 6 ? ['feel', 'job'] : ['feel', 'exam']));
    const participants = lists.map((_, i) => `p${i}`);
    assert.deepEqual(selectVocabulary(countTerms(participants, lists), { minParticipants: 2 }).terms, ['exam']);
  });

  it('caps the vocabulary at the most widely used terms', () => {
    const lists = [['a1', 'b2'], ['a1', 'b2'], ['a1', 'c3'], ['d4'], ['d4'], ['d4'], ['e5']];
    const participants = lists.map((_, i) => `p${i}`);
    const vocabulary = selectVocabulary(countTerms(participants, lists), { minParticipants: 2, maxTerms: 2 });
    assert.deepEqual(vocabulary.terms, ['a1', 'd4']);
  });
});
