/**
 * Figure 7, topics per affective type: `buildTopics` (src/topics) over each type's conversations
 * (not content creation), one document per conversation: the user's redacted words, supplied by the
 * caller as a map or an async `textOf(key)` (the integrator reads them from the store). The clusters
 * come back thresholded; here they are only re-shaped into cells (a suppressed cluster's counts and
 * label become null/empty). A type whose group is suppressed (decideGroups) gets no topics at all.
 *
 * `topicsMethod: 'llm'` instead: the caller supplies each conversation's short text (the LLM backend's
 * privacy-instructed summary) and the builder (src/backends/llm-topics); conversations without a
 * summary are left out of the clustering. A cluster the builder withheld for a reason the study
 * schema has no code for (the privacy audit of its label) is suppressed with no reason given.
 */
import { AFFECTIVE_TYPES, type AffectiveType } from '../facets/definitions.ts';
import { buildTopics, type TopicCluster, type TopicDocument } from '../topics/index.ts';
import { cellOf, decideGroups, groupRows, headerOf, type SectionOptions } from './cells.ts';
import type { StudyRow } from './rows.ts';
import type { Cell, TopicCell, TopicsSection } from './summary-schema.ts';

/** A cluster of the LLM builder: a TopicCluster with why it is suppressed. */
export type BuiltTopicCluster = TopicCluster & { suppressionReason?: string; children: BuiltTopicCluster[] };

/** Topics made by a caller-supplied method over short texts (the LLM topics over summaries). */
export interface TopicsBuilder {
  topicsMethod: 'llm';
  /** Conversation key → the text clustered (its summary); conversations absent here are left out. */
  texts: ReadonlyMap<string, string>;
  build(
    documents: TopicDocument[],
    options: { seed: number; kUsers: number; kConversations: number },
  ): Promise<{ clusters: BuiltTopicCluster[]; documentsUsed: number; description: string }>;
}

/** The offline topics' texts (a map or an async lookup), or the LLM topics' summaries and builder. */
export type TopicTexts = ReadonlyMap<string, string> | ((key: string) => Promise<string>) | TopicsBuilder;

const REASONS: Readonly<Record<string, Cell['suppression_reason']>> = {
  'below-threshold': 'below_k',
  complementary: 'complementary',
};

function clusterCell(cluster: TopicCluster & { suppressionReason?: string }): Omit<TopicCell, 'children'> {
  // Offline clusters carry no reason (below_k); an LLM reason the schema has no code for is left out.
  const reason = cluster.suppressionReason === undefined ? 'below_k' : REASONS[cluster.suppressionReason];
  const cell: Cell = cluster.suppressed
    ? { conversations: null, participants: null, suppressed: true, ...(reason ? { suppression_reason: reason } : {}) }
    : { conversations: cluster.conversations, participants: cluster.participants, suppressed: false };
  return { ...cell, id: cluster.id, label: cluster.suppressed ? [] : [...cluster.label] };
}

export async function topicsSection(
  rows: readonly StudyRow[],
  options: SectionOptions,
  texts?: TopicTexts,
): Promise<TopicsSection> {
  const population = rows.filter((row) => !row.contentCreation);
  const decisions = decideGroups(population, options.k, 'non_content_creation/');
  const builder = typeof texts === 'object' && 'topicsMethod' in texts ? texts : undefined;
  const textOf: ((key: string) => Promise<string | undefined>) | undefined =
    texts === undefined
      ? undefined
      : typeof texts === 'function'
        ? texts
        : 'topicsMethod' in texts
          ? async (key) => texts.texts.get(key) // no summary: left out
          : async (key) => texts.get(key) ?? '';
  let method: string | null = null;
  const types = {} as TopicsSection['types'];
  for (const type of AFFECTIVE_TYPES) {
    const members = groupRows(population, type);
    const decision = decisions.get(`non_content_creation/${type}`)!;
    const base = { ...cellOf(decision, members), documents_used: null, clusters: [] };
    if (decision.suppressed || textOf === undefined) {
      types[type as AffectiveType] = base;
      continue;
    }
    const documents: TopicDocument[] = [];
    const k = { seed: options.seed, kUsers: options.k.kUsers, kConversations: options.k.kConversations };
    for (const row of members) {
      const text = await textOf(row.key);
      if (text !== undefined) documents.push({ key: row.key, participant: row.participant, text });
    }
    const result = builder
      ? await builder.build(documents, k).then((built) => ({ ...built, method: built.description }))
      : buildTopics(documents, k);
    method = result.method;
    types[type] = {
      ...base,
      documents_used: result.documentsUsed,
      clusters: result.clusters.map((cluster) => ({ ...clusterCell(cluster), children: cluster.children.map(clusterCell) })),
    };
  }
  return { ...headerOf(population, options), computed: textOf !== undefined, method, types };
}
