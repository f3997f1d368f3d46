/**
 * Building blocks shared by the sections: section headers, published cells, the affective-type groups
 * (decided once per population, so every section hides the same groups) and shares inside a group.
 */
import { AFFECTIVE_TYPES } from '../facets/definitions.ts';
import type { KThresholds } from '../privacy/thresholds.ts';
import { type Estimate, shareInterval } from './intervals.ts';
import { distinctParticipants, inGroup, type StudyRow } from './rows.ts';
import { type Cell, GROUPS, type Group, type ShareCell } from './summary-schema.ts';
import { type CellSpec, countOf, type Decision, type PartitionSpec, solveSuppression, type Unit } from './suppression.ts';

export interface SectionOptions {
  k: KThresholds;
  seed: number;
  /** The facet backend that produced the rows' facets. */
  backend: string;
}

export function sectionHeader(conversations: number, participants: number, options: SectionOptions) {
  return {
    n_conversations: conversations,
    n_participants: participants,
    backend: options.backend,
    thresholds: { k_users: options.k.kUsers, k_conversations: options.k.kConversations },
  };
}

export function headerOf(rows: readonly StudyRow[], options: SectionOptions) {
  return sectionHeader(rows.length, distinctParticipants(rows), options);
}

/** A published cell: counts only when not suppressed. */
export function cellOf(decision: Decision, rows: readonly Unit[]): Cell {
  if (decision.suppressed) {
    return { conversations: null, participants: null, suppressed: true, suppression_reason: decision.suppression_reason };
  }
  const count = countOf(rows);
  return { conversations: count.conversations, participants: count.participants, suppressed: false };
}

const NO_ESTIMATE: Estimate = { estimate: null, low: null, high: null, method: null };

/** A category (rows where `hit` holds) as a share of `base`, with its interval unless suppressed. */
export function shareCellOf(
  decision: Decision,
  base: readonly StudyRow[],
  hit: (row: StudyRow) => boolean,
  seed: number,
  id: string,
): ShareCell {
  const cell = cellOf(decision, base.filter(hit));
  return { ...cell, ...(decision.suppressed ? NO_ESTIMATE : shareInterval(base, hit, seed, id)) };
}

/**
 * The affective groups of a population: 'affective' (any type) and 'not_affective' partition it; the
 * types partition 'affective' (multi-label: the "total" for complementary suppression is the
 * any-type cell, which over-protects slightly).
 */
export function decideGroups(population: readonly StudyRow[], k: KThresholds, prefix: string): Map<string, Decision> {
  const cells: CellSpec[] = [
    { id: `${prefix}affective`, rows: population.filter((row) => row.affective.length > 0) },
    ...GROUPS.map((group) => ({ id: `${prefix}${group}`, rows: population.filter((row) => inGroup(row, group)) })),
  ];
  const partitions: PartitionSpec[] = [
    { cells: [`${prefix}affective`, `${prefix}not_affective`] },
    { cells: AFFECTIVE_TYPES.map((type) => `${prefix}${type}`), total: `${prefix}affective` },
  ];
  return solveSuppression(cells, partitions, k);
}

export interface Share {
  id: string;
  hit: (row: StudyRow) => boolean;
}

/**
 * Shares inside one group whose own decision is already made: each share's category and its complement
 * partition the group (so a near-100% share cannot reveal a tiny remainder), and a hidden group hides them all.
 */
export function sharesInGroup(
  group: { id: string; rows: readonly StudyRow[]; decision: Decision },
  shares: readonly Share[],
  options: SectionOptions,
  /** The shares also partition the group among themselves (categories of one kind, e.g. pushback reasons). */
  joint = false,
): Map<string, ShareCell> {
  const cells: CellSpec[] = [{ id: group.id, rows: group.rows }];
  const partitions: PartitionSpec[] = [];
  for (const share of shares) {
    const yes = `${group.id}/${share.id}`;
    cells.push({ id: yes, rows: group.rows.filter(share.hit), parent: group.id });
    cells.push({ id: `${yes}/not`, rows: group.rows.filter((row) => !share.hit(row)), parent: group.id });
    partitions.push({ cells: [yes, `${yes}/not`], total: group.id });
  }
  if (joint) partitions.push({ cells: shares.map((share) => `${group.id}/${share.id}`), total: group.id });
  const decisions = solveSuppression(cells, partitions, options.k, new Map([[group.id, group.decision]]));
  const out = new Map<string, ShareCell>();
  for (const share of shares) {
    const id = `${group.id}/${share.id}`;
    out.set(share.id, shareCellOf(decisions.get(id)!, group.rows, share.hit, options.seed, id));
  }
  return out;
}

export function groupRows(population: readonly StudyRow[], group: Group): StudyRow[] {
  return population.filter((row) => inGroup(row, group));
}
