/**
 * Figure 4, long conversations (at least LONG_CONVERSATION_MIN_USER_MESSAGES = 50 user messages): their
 * share of all conversations, their type mix (share of long conversations per type, and not
 * affective), and drift — long conversations whose first third is typed counseling, coaching or
 * interpersonal advice and whose last third companionship (the facets' `segments`).
 *
 * Suppression: long and short partition all conversations; the types (multi-label) and not affective
 * partition the long ones; drift and its complement partition the long ones.
 */
import { type AffectiveType, LONG_CONVERSATION_MIN_USER_MESSAGES } from '../facets/definitions.ts';
import { headerOf, type SectionOptions, shareCellOf, sharesInGroup } from './cells.ts';
import { inGroup, type StudyRow } from './rows.ts';
import { GROUPS, type Group, type LongConversationsSection, type ShareCell } from './summary-schema.ts';
import { solveSuppression } from './suppression.ts';

export const DRIFT_FROM: readonly AffectiveType[] = ['counseling', 'coaching', 'interpersonal_advice'];
export const DRIFT_TO: AffectiveType = 'companionship';

export function isLong(row: StudyRow): boolean {
  return row.userMessages >= LONG_CONVERSATION_MIN_USER_MESSAGES;
}

export function drifts(row: StudyRow): boolean {
  if (row.segments === null) return false;
  const { first, last } = row.segments;
  return first.some((type) => DRIFT_FROM.includes(type)) && last.includes(DRIFT_TO);
}

export function longConversationsSection(rows: readonly StudyRow[], options: SectionOptions): LongConversationsSection {
  const long = rows.filter(isLong);
  const decisions = solveSuppression(
    [
      { id: 'long', rows: long },
      { id: 'short', rows: rows.filter((row) => !isLong(row)) },
    ],
    [{ cells: ['long', 'short'] }],
    options.k,
  );
  const longDecision = decisions.get('long')!;
  const group = { id: 'long', rows: long, decision: longDecision };
  const typeShares = sharesInGroup(
    group,
    GROUPS.map((g) => ({ id: g, hit: (row: StudyRow) => inGroup(row, g) })),
    options,
    true,
  );
  const drift = sharesInGroup(group, [{ id: 'drift', hit: drifts }], options).get('drift')!;
  return {
    ...headerOf(rows, options),
    min_user_messages: LONG_CONVERSATION_MIN_USER_MESSAGES,
    long: shareCellOf(longDecision, rows, isLong, options.seed, 'long'),
    types: Object.fromEntries(GROUPS.map((g) => [g, typeShares.get(g)!])) as Record<Group, ShareCell>,
    drift: { ...drift, from: [...DRIFT_FROM], to: DRIFT_TO },
  };
}
