/**
 * Figure 3, sentiment trajectory: per affective type (and not affective), among conversations that are
 * not content creation and have at least SENTIMENT_CHANGE_MIN_USER_MESSAGES (6) user messages, the mean
 * of sentiment_change (mean of the last three user messages' sentiment − mean of the first three) with
 * a seeded bootstrap 95% interval, 1,000 resamples (cluster bootstrap by participant under the rule of
 * intervals.ts). Groups are suppressed as in decideGroups, over the eligible conversations.
 */
import { SENTIMENT_CHANGE_MIN_USER_MESSAGES } from '../facets/definitions.ts';
import { cellOf, decideGroups, groupRows, headerOf, type SectionOptions } from './cells.ts';
import { BOOTSTRAP_RESAMPLES, CONFIDENCE, meanInterval } from './intervals.ts';
import type { StudyRow } from './rows.ts';
import { GROUPS, type Group, type MeanCell, type SentimentTrajectorySection } from './summary-schema.ts';

export function sentimentTrajectorySection(rows: readonly StudyRow[], options: SectionOptions): SentimentTrajectorySection {
  const eligible = rows.filter(
    (row) => !row.contentCreation && row.userMessages >= SENTIMENT_CHANGE_MIN_USER_MESSAGES && row.sentimentChange !== null,
  );
  const decisions = decideGroups(eligible, options.k, 'sentiment/');
  const groups = Object.fromEntries(
    GROUPS.map((group): [Group, MeanCell] => {
      const id = `sentiment/${group}`;
      const members = groupRows(eligible, group);
      const decision = decisions.get(id)!;
      const cell = cellOf(decision, members);
      if (decision.suppressed) return [group, { ...cell, mean: null, low: null, high: null, method: null }];
      const result = meanInterval(members, (row) => row.sentimentChange!, options.seed, id);
      return [group, { ...cell, mean: result.estimate, low: result.low, high: result.high, method: result.method }];
    }),
  ) as Record<Group, MeanCell>;
  return {
    ...headerOf(eligible, options),
    min_user_messages: SENTIMENT_CHANGE_MIN_USER_MESSAGES,
    resamples: BOOTSTRAP_RESAMPLES,
    confidence: CONFIDENCE,
    groups,
  };
}
