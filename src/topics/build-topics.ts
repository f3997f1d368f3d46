/**
 * Topics: what people bring to their conversations, as two levels of clusters that obey the
 * privacy thresholds. Offline and deterministic with the seed:
 *   1. terms per document (topicTerms: English words + jieba, no stopwords/placeholders/numbers);
 *   2. a vocabulary of terms used by ≥ kUsers distinct participants and by ≤ half the documents;
 *   3. TF-IDF rows (sublinear tf, l2); documents with no vocabulary term are unassigned;
 *   4. spherical k-means (k-means++ seeding) fitted on a seeded sample of ≤ 20,000 documents, every
 *      document then assigned to its nearest centroid; k ≈ √(n/2), at most topLevelClusters and at
 *      most n / (2·kConversations) (smaller clusters would mostly be suppressed);
 *   5. the same inside each top-level cluster big enough for two reportable parts;
 *   6. labels from the most distinctive vocabulary terms; cells below the thresholds suppressed
 *      (complementary suppression among siblings), listed as suppressed, never dropped.
 * Documents are ordered by key first, so the input order does not change the result.
 */

import { nearest, sphericalKMeans } from './kmeans.ts';
import { clusterSums, distinctiveTerms } from './labels.ts';
import { sampleIndices, TopicRandom } from './random.ts';
import { type Cell, orderSiblings, suppressSiblings } from './suppress.ts';
import { topicTerms } from './terms.ts';
import { rowIsEmpty, type SparseRows, tfidfRows } from './tfidf.ts';
import type { TopicCluster, TopicDocument, TopicOptions, TopicsResult } from './types.ts';
import { countTerms, selectVocabulary } from './vocabulary.ts';

export type { TopicCluster, TopicDocument, TopicOptions, TopicsResult } from './types.ts';

/** Documents k-means is fitted on at most; the rest are assigned to the fitted centroids. */
export const FIT_SAMPLE = 20_000;
const DEFAULT_TOP = 20;
const DEFAULT_SUB = 5;
const DEFAULT_LABEL_TERMS = 5;
const MAX_DOCUMENT_SHARE = 0.5;
const MAX_ITERATIONS = 40;
const INITS = 3;

/**
 * Clusters for n documents: ≈ √(n/2), within [2, bound], and no more than n / (2·kConversations) —
 * clusters are uneven, so an average of twice the threshold keeps most of them reportable.
 */
export function clusterCount(n: number, bound: number, kConversations: number): number {
  const bySize = Math.max(2, Math.round(Math.sqrt(n / 2)));
  return Math.max(1, Math.min(bySize, Math.floor(bound), Math.floor(n / (2 * Math.max(1, kConversations)))));
}

interface Group {
  /** Indices of the (sorted) documents in this cluster. */
  members: number[];
  label: string[];
  cell: Cell;
  children: Group[];
}

export function buildTopics(documents: readonly TopicDocument[], options: TopicOptions): TopicsResult {
  return buildTopicsWithAssignment(documents, options).result;
}

/**
 * The cluster id of each document (key → the top-level id, and the sub-cluster id when the top-level
 * cluster was split), for cross-tabulating topics with other facets. Unassigned documents are absent.
 * Ids of suppressed clusters are listed too: a caller must apply the same thresholds to any cross-tab.
 */
export interface TopicAssignment {
  top: string;
  sub?: string;
}

export function buildTopicsWithAssignment(
  documents: readonly TopicDocument[],
  options: TopicOptions,
): { result: TopicsResult; assignment: Map<string, TopicAssignment> } {
  const kUsers = Math.max(1, options.kUsers);
  const kConversations = Math.max(1, options.kConversations);
  const seed = options.seed ?? 1;
  const labelTerms = options.labelTerms ?? DEFAULT_LABEL_TERMS;
  const thresholds = { kUsers, kConversations };

  const sorted = [...documents].sort((a, b) =>
    a.key < b.key ? -1 : a.key > b.key ? 1 : a.participant < b.participant ? -1 : a.participant > b.participant ? 1 : 0,
  );
  const participantIndex = new Map<string, number>();
  const participantOf = sorted.map((d) => {
    let index = participantIndex.get(d.participant);
    if (index === undefined) {
      index = participantIndex.size;
      participantIndex.set(d.participant, index);
    }
    return index;
  });
  const counts = countTerms(
    sorted.map((d) => d.participant),
    sorted.map((d) => topicTerms(d.text)),
  );
  const vocabulary = selectVocabulary(counts, { minParticipants: kUsers, maxDocumentShare: MAX_DOCUMENT_SHARE });
  const rows = tfidfRows(counts, vocabulary);
  const used: number[] = [];
  for (let i = 0; i < sorted.length; i++) if (!rowIsEmpty(rows, i)) used.push(i);

  const random = new TopicRandom(seed);
  const fitted = new Set(sampleIndices(used.length, FIT_SAMPLE, random).map((m) => used[m] as number));
  const topBound = options.topLevelClusters ?? DEFAULT_TOP;
  const subBound = options.subClusters ?? DEFAULT_SUB;

  const cellOf = (members: readonly number[]): Cell => ({
    conversations: members.length,
    participants: new Set(members.map((i) => participantOf[i] as number)),
  });

  /** Splits `members` into k groups (fitted on the sampled ones) with labels relative to each other. */
  const split = (members: readonly number[], k: number): Group[] => {
    const fit = members.filter((i) => fitted.has(i));
    const model = sphericalKMeans(rows, fit.length > 0 ? fit : members, {
      k,
      random,
      maxIterations: MAX_ITERATIONS,
      inits: INITS,
    });
    const cluster = Int32Array.from(members, (i) => nearest(rows, i, model.centroids, model.k).cluster);
    const groups: number[][] = Array.from({ length: model.k }, () => []);
    members.forEach((i, m) => {
      (groups[cluster[m] as number] as number[]).push(i);
    });
    const sums = clusterSums(rows, members, cluster, model.k);
    const sizes = groups.map((g) => g.length);
    return groups
      .map((g, c) => ({
        members: g,
        label: distinctiveTerms({ sums, sizes, terms: vocabulary.terms, count: labelTerms }, c),
        cell: cellOf(g),
        children: [] as Group[],
      }))
      .filter((g) => g.members.length > 0);
  };

  let top: Group[] = [];
  if (used.length > 0) {
    const k = clusterCount(used.length, topBound, kConversations);
    top =
      k >= 2
        ? split(used, k)
        : [
            {
              members: used,
              label: distinctiveTerms(
                {
                  sums: clusterSums(rows, used, new Int32Array(used.length), 1),
                  sizes: [used.length],
                  terms: vocabulary.terms,
                  count: labelTerms,
                },
                0,
              ),
              cell: cellOf(used),
              children: [],
            },
          ];
    for (const group of top) {
      const big = group.cell.conversations >= 2 * kConversations && group.cell.participants.size >= 2 * kUsers;
      const k = clusterCount(group.members.length, subBound, kConversations);
      if (big && k >= 2) group.children = split(group.members, k);
    }
  }

  const ids = new Map<Group, string>();
  const clusters = publish(top, thresholds, '', ids);
  const assignment = new Map<string, TopicAssignment>();
  for (const group of top) {
    for (const i of group.members) assignment.set((sorted[i] as TopicDocument).key, { top: ids.get(group) as string });
    for (const child of group.children) {
      const sub = ids.get(child);
      if (sub === undefined) continue; // the parent is suppressed: its split is not published
      for (const i of child.members) (assignment.get((sorted[i] as TopicDocument).key) as TopicAssignment).sub = sub;
    }
  }
  const result: TopicsResult = {
    clusters,
    documentsUsed: used.length,
    unassigned: sorted.length - used.length,
    vocabulary: vocabulary.terms.length,
    method: describe(rows, used.length, Math.min(used.length, FIT_SAMPLE), { seed, kUsers, topBound, subBound }),
  };
  return { result, assignment };
}

/** Suppresses, orders (visible by size, then suppressed) and numbers sibling groups. */
function publish(
  groups: readonly Group[],
  thresholds: { kUsers: number; kConversations: number },
  prefix: string,
  ids: Map<Group, string>,
): TopicCluster[] {
  const suppressed = suppressSiblings(
    groups.map((g) => g.cell),
    thresholds,
  );
  const order = orderSiblings(groups, (_group, i) => suppressed[i] as boolean);
  return order.map(({ group, hidden }, n) => {
    const id = `${prefix}${n + 1}`;
    ids.set(group, id);
    if (hidden) return { id, label: [], conversations: 0, participants: 0, suppressed: true, children: [] };
    return {
      id,
      label: group.label,
      conversations: group.cell.conversations,
      participants: group.cell.participants.size,
      suppressed: false,
      children: publish(group.children, thresholds, `${id}.`, ids),
    };
  });
}

function describe(
  rows: SparseRows,
  used: number,
  fit: number,
  o: { seed: number; kUsers: number; topBound: number; subBound: number },
): string {
  return (
    `tfidf-kmeans/1: EN words + jieba, stopwords/placeholders/numbers dropped; vocabulary ${rows.dimension} terms ` +
    `used by ≥ ${o.kUsers} participants and ≤ ${MAX_DOCUMENT_SHARE * 100}% of documents; sublinear TF-IDF, l2; ` +
    `spherical k-means++ (seed ${o.seed}, ${INITS} seedings, ≤ ${MAX_ITERATIONS} iterations) fitted on ${fit} of ${used} documents; ` +
    `k ≈ √(n/2) ≤ n/(2·kConversations), ≤ ${o.topBound} top-level, ≤ ${o.subBound} inside each; labels by distinctive mean TF-IDF`
  );
}
