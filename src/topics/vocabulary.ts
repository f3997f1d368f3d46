/**
 * The vocabulary: terms counted in documents and in distinct participants; only terms used by at
 * least kUsers participants are kept (so no feature and no label can single anyone out), and not
 * terms in more than half of all documents (nearly everyone says them; they separate nothing).
 */

export interface TermCounts {
  /** Term of each term id. */
  terms: string[];
  /** Per document: its distinct term ids and how often each occurs. */
  documents: { ids: Int32Array; counts: Int32Array }[];
  /** Documents containing each term id. */
  documentFrequency: Int32Array;
  /** Distinct participants using each term id. */
  participantFrequency: Int32Array;
}

/** Counts terms per document and per participant; `participants[i]` wrote `termLists[i]`. */
export function countTerms(participants: readonly string[], termLists: readonly (readonly string[])[]): TermCounts {
  const idOf = new Map<string, number>();
  const terms: string[] = [];
  const documents: TermCounts['documents'] = [];
  for (const list of termLists) {
    const local = new Map<number, number>();
    for (const term of list) {
      let id = idOf.get(term);
      if (id === undefined) {
        id = terms.length;
        idOf.set(term, id);
        terms.push(term);
      }
      local.set(id, (local.get(id) ?? 0) + 1);
    }
    const ids = Int32Array.from([...local.keys()].sort((a, b) => a - b));
    documents.push({ ids, counts: Int32Array.from(ids, (id) => local.get(id) as number) });
  }
  const documentFrequency = new Int32Array(terms.length);
  const participantFrequency = new Int32Array(terms.length);
  // Visit documents grouped by participant: a term is counted once per participant when the participant changes.
  const lastParticipant = new Int32Array(terms.length).fill(-1);
  const participantIndex = new Map<string, number>();
  const order = participants.map((participant, i) => {
    let index = participantIndex.get(participant);
    if (index === undefined) {
      index = participantIndex.size;
      participantIndex.set(participant, index);
    }
    return { index, i };
  });
  order.sort((a, b) => a.index - b.index || a.i - b.i);
  for (const { index, i } of order) {
    for (const id of (documents[i] as TermCounts['documents'][number]).ids) {
      documentFrequency[id] = (documentFrequency[id] as number) + 1;
      if (lastParticipant[id] !== index) {
        lastParticipant[id] = index;
        participantFrequency[id] = (participantFrequency[id] as number) + 1;
      }
    }
  }
  return { terms, documents, documentFrequency, participantFrequency };
}

export interface VocabularyOptions {
  /** A term must be used by at least this many distinct participants (k_users). */
  minParticipants: number;
  /** Terms in more than this share of documents are dropped (default 0.5). */
  maxDocumentShare?: number;
  /** At most this many terms, the most widely used first (default 20,000). */
  maxTerms?: number;
}

export interface Vocabulary {
  /** The kept terms; a term's position is its feature index. */
  terms: string[];
  /** Documents containing each kept term. */
  documentFrequency: Int32Array;
  /** Term id (of TermCounts) → feature index, or -1 when the term was not kept. */
  featureOf: Int32Array;
}

export function selectVocabulary(counts: TermCounts, options: VocabularyOptions): Vocabulary {
  const minParticipants = Math.max(1, Math.ceil(options.minParticipants));
  const maxDocuments = Math.max(1, Math.floor(counts.documents.length * (options.maxDocumentShare ?? 0.5)));
  const maxTerms = options.maxTerms ?? 20_000;
  const kept: number[] = [];
  for (let id = 0; id < counts.terms.length; id++) {
    if ((counts.participantFrequency[id] as number) < minParticipants) continue;
    if ((counts.documentFrequency[id] as number) > maxDocuments) continue;
    kept.push(id);
  }
  const pf = counts.participantFrequency;
  const df = counts.documentFrequency;
  const byUse = (a: number, b: number) =>
    (pf[b] as number) - (pf[a] as number) ||
    (df[b] as number) - (df[a] as number) ||
    ((counts.terms[a] as string) < (counts.terms[b] as string) ? -1 : 1);
  const chosen = (kept.length > maxTerms ? kept.sort(byUse).slice(0, maxTerms) : kept).sort((a, b) =>
    (counts.terms[a] as string) < (counts.terms[b] as string) ? -1 : 1,
  );
  const featureOf = new Int32Array(counts.terms.length).fill(-1);
  chosen.forEach((id, feature) => {
    featureOf[id] = feature;
  });
  return {
    terms: chosen.map((id) => counts.terms[id] as string),
    documentFrequency: Int32Array.from(chosen, (id) => df[id] as number),
    featureOf,
  };
}
