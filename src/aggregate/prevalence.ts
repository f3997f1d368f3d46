/**
 * Figure 1, prevalence: the share of conversations that are affective (any type) and of each type,
 * among all conversations and among those that are not content creation, with 95% intervals
 * (Wilson, or a cluster bootstrap by participant — see intervals.ts).
 *
 * Cells are the category's conversations (a share's numerator). Suppression: 'affective' and its
 * complement partition the base; the types partition 'affective' (see decideGroups).
 */
import { AFFECTIVE_TYPES, type AffectiveType } from '../facets/definitions.ts';
import { decideGroups, headerOf, type SectionOptions, shareCellOf } from './cells.ts';
import { distinctParticipants, type StudyRow } from './rows.ts';
import type { PrevalenceSection, ShareCell } from './summary-schema.ts';

export function prevalenceSection(rows: readonly StudyRow[], options: SectionOptions): PrevalenceSection {
  return {
    ...headerOf(rows, options),
    all: prevalenceBlock(rows, 'all', options),
    non_content_creation: prevalenceBlock(
      rows.filter((row) => !row.contentCreation),
      'non_content_creation',
      options,
    ),
  };
}

function prevalenceBlock(population: readonly StudyRow[], name: string, options: SectionOptions) {
  const prefix = `${name}/`;
  const decisions = decideGroups(population, options.k, prefix);
  const share = (id: string, hit: (row: StudyRow) => boolean) =>
    shareCellOf(decisions.get(`${prefix}${id}`)!, population, hit, options.seed, `prevalence/${prefix}${id}`);
  const types = Object.fromEntries(
    AFFECTIVE_TYPES.map((type) => [type, share(type, (row) => row.affective.includes(type))]),
  ) as Record<AffectiveType, ShareCell>;
  return {
    n_conversations: population.length,
    n_participants: distinctParticipants(population),
    affective: share('affective', (row) => row.affective.length > 0),
    types,
  };
}
