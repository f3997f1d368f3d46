/**
 * Figure 6, cue rates: per affective type (and not affective), among conversations that are not content
 * creation, the share with crisis (distress; risk), anthropomorphism, and each assistant-behaviour cue,
 * with 95% intervals. Groups are decided as in decideGroups (the same as the other per-type figures);
 * each cue and its complement partition the group.
 */
import { ASSISTANT_CUES } from '../facets/definitions.ts';
import { cellOf, decideGroups, groupRows, headerOf, type SectionOptions, type Share, sharesInGroup } from './cells.ts';
import type { StudyRow } from './rows.ts';
import { CUES, type Cue, type CueRatesSection, GROUPS, type Group, type ShareCell } from './summary-schema.ts';

export const CUE_TESTS: Record<Cue, (row: StudyRow) => boolean> = {
  crisis_distress: (row) => row.crisis === 'distress',
  crisis_risk: (row) => row.crisis === 'risk',
  anthropomorphism: (row) => row.anthropomorphism,
  ...(Object.fromEntries(ASSISTANT_CUES.map((cue) => [cue, (row: StudyRow) => row.assistant[cue]])) as Record<
    (typeof ASSISTANT_CUES)[number],
    (row: StudyRow) => boolean
  >),
};

export function cueRatesSection(rows: readonly StudyRow[], options: SectionOptions): CueRatesSection {
  const population = rows.filter((row) => !row.contentCreation);
  const decisions = decideGroups(population, options.k, 'non_content_creation/');
  const shares: Share[] = CUES.map((cue) => ({ id: cue, hit: CUE_TESTS[cue] }));
  const groups = Object.fromEntries(
    GROUPS.map((group) => {
      const id = `non_content_creation/${group}`;
      const members = groupRows(population, group);
      const decision = decisions.get(id)!;
      const rates = sharesInGroup({ id: `cues/${id}`, rows: members, decision }, shares, options);
      return [
        group,
        {
          ...cellOf(decision, members),
          rates: Object.fromEntries(CUES.map((cue) => [cue, rates.get(cue)!])) as Record<Cue, ShareCell>,
        },
      ];
    }),
  ) as Record<Group, CueRatesSection['groups'][Group]>;
  return { ...headerOf(population, options), groups };
}
