/**
 * Figure 2, pushback: per affective type (and not affective), among conversations that are not content
 * creation, the share with pushback (95% interval) and the pushback reason categories (rows.ts groups
 * the detector's rule ids), most common first. Each reason is a cell of the group's pushback
 * conversations; the reasons partition them (multi-label, treated as a partition: over-protects).
 */
import { cellOf, decideGroups, groupRows, headerOf, type SectionOptions, sharesInGroup } from './cells.ts';
import type { StudyRow } from './rows.ts';
import { GROUPS, type Group, PUSHBACK_REASONS, type PushbackSection } from './summary-schema.ts';
import type { Decision } from './suppression.ts';

type PushbackGroup = PushbackSection['groups'][Group];

export function pushbackSection(rows: readonly StudyRow[], options: SectionOptions): PushbackSection {
  const population = rows.filter((row) => !row.contentCreation);
  const decisions = decideGroups(population, options.k, 'non_content_creation/');
  const groups = Object.fromEntries(
    GROUPS.map((group) => {
      const id = `non_content_creation/${group}`;
      return [group, pushbackGroup(id, groupRows(population, group), decisions.get(id)!, options)];
    }),
  ) as Record<Group, PushbackGroup>;
  return { ...headerOf(population, options), groups };
}

function pushbackGroup(id: string, rows: readonly StudyRow[], decision: Decision, options: SectionOptions): PushbackGroup {
  const shares = sharesInGroup(
    { id: `pushback/${id}`, rows, decision },
    [{ id: 'pushback', hit: (row) => row.pushback }],
    options,
  );
  const rate = shares.get('pushback')!;
  const pushed = rows.filter((row) => row.pushback);
  const reasonCells = sharesInGroup(
    { id: `pushback/${id}/reasons`, rows: pushed, decision: rate },
    PUSHBACK_REASONS.map((reason) => ({ id: reason, hit: (row: StudyRow) => row.pushbackReasons.includes(reason) })),
    options,
    true,
  );
  const reasons = PUSHBACK_REASONS.map((category) => ({ category, ...reasonCells.get(category)! }));
  // Most common first; suppressed ones keep the fixed category order at the end (their rank is not shown).
  reasons.sort((a, b) => {
    if (a.suppressed !== b.suppressed) return a.suppressed ? 1 : -1;
    if (a.suppressed) return 0;
    return b.conversations! - a.conversations!;
  });
  return { ...cellOf(decision, rows), rate, reasons };
}
