/**
 * Figure 7, topics per affective type: `buildTopics` (src/topics) over each type's conversations
 * (not content creation), one document per conversation: the user's redacted words, supplied by the
 * caller as a map or an async `textOf(key)` (the integrator reads them from the store). The clusters
 * come back thresholded; here they are only re-shaped into cells (a suppressed cluster's counts and
 * label become null/empty). A type whose group is suppressed (decideGroups) gets no topics at all.
 */
import { AFFECTIVE_TYPES, type AffectiveType } from '../facets/definitions.ts';
import { buildTopics, type TopicCluster } from '../topics/index.ts';
import { cellOf, decideGroups, groupRows, headerOf, type SectionOptions } from './cells.ts';
import type { StudyRow } from './rows.ts';
import type { Cell, TopicCell, TopicsSection } from './summary-schema.ts';

export type TopicTexts = ReadonlyMap<string, string> | ((key: string) => Promise<string>);

function clusterCell(cluster: TopicCluster): Omit<TopicCell, 'children'> {
  const cell: Cell = cluster.suppressed
    ? { conversations: null, participants: null, suppressed: true, suppression_reason: 'below_k' }
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
  const textOf =
    texts === undefined ? undefined : typeof texts === 'function' ? texts : async (key: string) => texts.get(key) ?? '';
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
    const documents = [];
    for (const row of members) documents.push({ key: row.key, participant: row.participant, text: await textOf(row.key) });
    const result = buildTopics(documents, {
      seed: options.seed,
      kUsers: options.k.kUsers,
      kConversations: options.k.kConversations,
    });
    method = result.method;
    types[type] = {
      ...base,
      documents_used: result.documentsUsed,
      clusters: result.clusters.map((cluster) => ({ ...clusterCell(cluster), children: cluster.children.map(clusterCell) })),
    };
  }
  return { ...headerOf(population, options), computed: textOf !== undefined, method, types };
}
