/**
 * Per-participant usage dimensions, from the stored facet records and activity. Each is a variable a
 * model may name:
 *
 * - nature: `companionship_share`, `romantic_share` (share of the participant's analysed conversations
 *   with that affective type), `affective_share` (any affective type); `motivation_<answer>` (0/1) from
 *   the survey's primary-motivation column, when configured.
 * - intensity: `conversations`, `user_messages`, `active_days`, `session_length` (mean user messages per
 *   session; sessions are runs of user messages < 30 min apart), `night_share` (00:00–05:59 UTC), and
 *   `intensity`: the mean of the z-scores (over the study's participants) of log(1 + conversations),
 *   log(1 + user messages) and, when timestamps exist, log(1 + active days).
 * - self-disclosure: `emotional_disclosure`, `informational_disclosure` (share of user messages).
 * - `sentiment_change` (mean over conversations that have one), `anthropomorphism_rate` and
 *   `<cue>_rate` for each assistant cue (share of conversations).
 *
 * A dimension without data for a participant (no timestamps, no sentiment change) is null: missing.
 * When several stored participants belong to one survey participant their counts are pooled (active
 * days and sessions are added, night share is weighted by user messages).
 */
import { toStudyRow } from '../aggregate/rows.ts';
import { ASSISTANT_CUES } from '../facets/definitions.ts';
import type { AnalysisRow, ParticipantActivity } from '../store/store.ts';

export interface UsageTally {
  analysed: number;
  companionship: number;
  romantic: number;
  affective: number;
  anthropomorphism: number;
  cues: Record<string, number>;
  messages: number;
  emotional: number;
  informational: number;
  sentimentSum: number;
  sentimentCount: number;
}

const emptyTally = (): UsageTally => ({
  analysed: 0,
  companionship: 0,
  romantic: 0,
  affective: 0,
  anthropomorphism: 0,
  cues: Object.fromEntries(ASSISTANT_CUES.map((cue) => [cue, 0])),
  messages: 0,
  emotional: 0,
  informational: 0,
  sentimentSum: 0,
  sentimentCount: 0,
});

export const USAGE_VARIABLES: readonly string[] = [
  'companionship_share',
  'romantic_share',
  'affective_share',
  'conversations',
  'user_messages',
  'active_days',
  'session_length',
  'night_share',
  'intensity',
  'emotional_disclosure',
  'informational_disclosure',
  'sentiment_change',
  'anthropomorphism_rate',
  ...ASSISTANT_CUES.map((cue) => `${cue}_rate`),
];

/** Adds one stored conversation's facets to its participant's tally. */
export function tallyRow(tallies: Map<string, UsageTally>, row: AnalysisRow): void {
  const tally = tallies.get(row.participant) ?? emptyTally();
  tallies.set(row.participant, tally);
  const study = toStudyRow(row);
  tally.analysed += 1;
  if (study.affective.includes('companionship')) tally.companionship += 1;
  if (study.affective.includes('romantic_sexual_roleplay')) tally.romantic += 1;
  if (study.affective.length > 0) tally.affective += 1;
  if (study.anthropomorphism) tally.anthropomorphism += 1;
  for (const cue of ASSISTANT_CUES) if (study.assistant[cue]) tally.cues[cue]! += 1;
  if (study.sentimentChange !== null) {
    tally.sentimentSum += study.sentimentChange;
    tally.sentimentCount += 1;
  }
  const messages = Array.isArray(row.facets.messages) ? row.facets.messages : [];
  for (const message of messages) {
    if (typeof message !== 'object' || message === null) continue;
    const m = message as Record<string, unknown>;
    tally.messages += 1;
    if (m.emotional_disclosure === true) tally.emotional += 1;
    if (m.informational_disclosure === true) tally.informational += 1;
  }
}

const share = (count: number, total: number) => (total > 0 ? count / total : null);
const sumOrNull = (values: readonly (number | null)[]) =>
  values.some((v) => v === null) || values.length === 0 ? null : values.reduce<number>((s, v) => s + (v as number), 0);

/** The usage dimensions of one survey participant from their stored participants' tallies and activity. */
export function usageDimensions(
  tallies: readonly UsageTally[],
  activity: readonly ParticipantActivity[],
): Record<string, number | null> {
  const t = emptyTally();
  for (const one of tallies) {
    for (const key of [
      'analysed',
      'companionship',
      'romantic',
      'affective',
      'anthropomorphism',
      'messages',
      'emotional',
      'informational',
      'sentimentSum',
      'sentimentCount',
    ] as const) {
      t[key] += one[key];
    }
    for (const cue of ASSISTANT_CUES) t.cues[cue]! += one.cues[cue] ?? 0;
  }
  const userMessages = activity.reduce((s, a) => s + a.userMessages, 0);
  const sessions = sumOrNull(activity.map((a) => a.sessions));
  const night =
    activity.every((a) => a.nightShare !== null) && userMessages > 0
      ? activity.reduce((s, a) => s + (a.nightShare as number) * a.userMessages, 0) / userMessages
      : null;
  return {
    companionship_share: share(t.companionship, t.analysed),
    romantic_share: share(t.romantic, t.analysed),
    affective_share: share(t.affective, t.analysed),
    conversations: activity.length > 0 ? activity.reduce((s, a) => s + a.conversations, 0) : null,
    user_messages: activity.length > 0 ? userMessages : null,
    active_days: sumOrNull(activity.map((a) => a.activeDays)),
    session_length: sessions !== null && sessions > 0 ? userMessages / sessions : null,
    night_share: night,
    intensity: null,
    emotional_disclosure: share(t.emotional, t.messages),
    informational_disclosure: share(t.informational, t.messages),
    sentiment_change: t.sentimentCount > 0 ? t.sentimentSum / t.sentimentCount : null,
    anthropomorphism_rate: share(t.anthropomorphism, t.analysed),
    ...Object.fromEntries(ASSISTANT_CUES.map((cue) => [`${cue}_rate`, share(t.cues[cue]!, t.analysed)])),
  };
}

/** Sets `intensity` on every participant: the mean of the available z-scored log counts (see header). */
export function addIntensity(participants: readonly { values: Record<string, number | null> }[]): void {
  const parts = ['conversations', 'user_messages', 'active_days'];
  const z = new Map<string, (value: number) => number | null>();
  for (const name of parts) {
    const logs = participants
      .map((p) => p.values[name])
      .filter((v): v is number => v !== null && v !== undefined)
      .map(Math.log1p);
    if (logs.length < 2) continue;
    const mean = logs.reduce((s, v) => s + v, 0) / logs.length;
    const sd = Math.sqrt(logs.reduce((s, v) => s + (v - mean) ** 2, 0) / (logs.length - 1));
    z.set(name, (value) => (sd > 0 ? (Math.log1p(value) - mean) / sd : null));
  }
  for (const p of participants) {
    const scores = [...z].map(([name, f]) =>
      p.values[name] === null || p.values[name] === undefined ? null : f(p.values[name] as number),
    );
    const present = scores.filter((s): s is number => s !== null);
    p.values.intensity =
      present.length > 0 && p.values.conversations !== null ? present.reduce((s, v) => s + v, 0) / present.length : null;
  }
}
