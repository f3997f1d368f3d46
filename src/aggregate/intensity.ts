/**
 * Figure 5, intensity per participant: conversations, user messages, active days, sessions per week
 * (sessions / max(1, span days / 7)), night-time share (00:00–05:59 UTC) and the share of the
 * participant's conversations that are affective — as distributions over participants, for everyone
 * and for participants with at least one affective conversation vs none.
 *
 * A group is a cell (its participants and their conversations); the two subgroups partition 'all'.
 * A metric's distribution is null when fewer than kUsers participants have a value for it. Minimum
 * and maximum are never published: each is one participant's own value.
 */
import { describe } from '../stats/summary.ts';
import type { ParticipantActivity } from '../store/store.ts';
import { cellOf, type SectionOptions, sectionHeader } from './cells.ts';
import type { StudyRow } from './rows.ts';
import { type Distribution, INTENSITY_METRICS, type IntensitySection } from './summary-schema.ts';
import { solveSuppression, type Unit } from './suppression.ts';

type Metric = (typeof INTENSITY_METRICS)[number];
type Profile = Record<Metric, number | null>;
const GROUP_NAMES = ['all', 'any_affective', 'no_affective'] as const;

export function sessionsPerWeek(activity: ParticipantActivity): number | null {
  if (activity.sessions === null || activity.spanDays === null) return null;
  return activity.sessions / Math.max(1, activity.spanDays / 7);
}

export function intensitySection(
  rows: readonly StudyRow[],
  activity: readonly ParticipantActivity[],
  options: SectionOptions,
): IntensitySection {
  const affective = new Map<string, { total: number; affective: number }>();
  for (const row of rows) {
    const entry = affective.get(row.participant) ?? { total: 0, affective: 0 };
    entry.total++;
    if (row.affective.length > 0) entry.affective++;
    affective.set(row.participant, entry);
  }
  const profiles = activity.map((a) => {
    const entry = affective.get(a.participant);
    const profile: Profile = {
      conversations: a.conversations,
      user_messages: a.userMessages,
      active_days: a.activeDays,
      sessions_per_week: sessionsPerWeek(a),
      night_share: a.nightShare,
      affective_share: entry ? entry.affective / entry.total : null,
    };
    const group = entry === undefined ? null : entry.affective > 0 ? 'any_affective' : 'no_affective';
    return { activity: a, profile, group };
  });
  const members = {
    all: profiles,
    any_affective: profiles.filter((p) => p.group === 'any_affective'),
    no_affective: profiles.filter((p) => p.group === 'no_affective'),
  };
  // Each participant's conversations as counting units for the thresholds.
  const units = (list: typeof profiles): Unit[] =>
    list.flatMap((p) =>
      Array.from({ length: p.activity.conversations }, (_, i) => ({
        key: `${p.activity.participant}\u0000${i}`,
        participant: p.activity.participant,
      })),
    );
  const cells = GROUP_NAMES.map((name) => ({ id: name, rows: units(members[name]) }));
  const decisions = solveSuppression(cells, [{ cells: ['any_affective', 'no_affective'], total: 'all' }], options.k);
  const groups = Object.fromEntries(
    GROUP_NAMES.map((name) => {
      const decision = decisions.get(name)!;
      const cell = cellOf(decision, cells.find((c) => c.id === name)!.rows);
      const metrics = Object.fromEntries(
        INTENSITY_METRICS.map((metric) => [metric, decision.suppressed ? null : distribution(members[name], metric, options)]),
      ) as Record<Metric, Distribution | null>;
      return [name, { ...cell, metrics }];
    }),
  ) as IntensitySection['groups'];
  const conversations = activity.reduce((sum, a) => sum + a.conversations, 0);
  return { ...sectionHeader(conversations, activity.length, options), groups };
}

function distribution(list: readonly { profile: Profile }[], metric: Metric, options: SectionOptions): Distribution | null {
  const values = list.map((p) => p.profile[metric]).filter((v): v is number => v !== null && Number.isFinite(v));
  if (values.length < options.k.kUsers) return null;
  const { min: _min, max: _max, ...published } = describe(values);
  return published;
}
