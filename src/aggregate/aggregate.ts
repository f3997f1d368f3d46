/**
 * The study part of summary.json: all seven figures from the stored facet rows and participant
 * activity, with k-thresholds applied, validated against StudySummarySchema before it is returned.
 *
 * Pure apart from reading topic texts through the caller's `textOf`: the same rows, activity, options
 * (and texts) always give the same summary (every bootstrap is seeded from `options.seed`).
 */
import type { AnalysisRow, ParticipantActivity } from '../store/store.ts';
import { headerOf, type SectionOptions } from './cells.ts';
import { cueRatesSection } from './cue-rates.ts';
import { intensitySection } from './intensity.ts';
import { longConversationsSection } from './long-conversations.ts';
import { prevalenceSection } from './prevalence.ts';
import { pushbackSection } from './pushback.ts';
import { type StudyRow, toStudyRow } from './rows.ts';
import { sentimentTrajectorySection } from './sentiment-trajectory.ts';
import { STUDY_SCHEMA_VERSION, type StudySummary, StudySummarySchema } from './summary-schema.ts';
import { type TopicTexts, topicsSection } from './topics-section.ts';

export type { SectionOptions } from './cells.ts';

export async function buildStudySummary(
  rows: readonly (AnalysisRow | StudyRow)[],
  activity: readonly ParticipantActivity[],
  options: SectionOptions,
  topicTexts?: TopicTexts,
): Promise<StudySummary> {
  const study = rows.map((row) => ('facets' in row ? toStudyRow(row) : row));
  const { n_conversations, n_participants } = headerOf(study, options);
  const summary: StudySummary = {
    schema: 'affectlens.study',
    schema_version: STUDY_SCHEMA_VERSION,
    backend: options.backend,
    thresholds: { k_users: options.k.kUsers, k_conversations: options.k.kConversations },
    seed: options.seed,
    n_conversations,
    n_participants,
    prevalence: prevalenceSection(study, options),
    pushback: pushbackSection(study, options),
    sentiment_trajectory: sentimentTrajectorySection(study, options),
    long_conversations: longConversationsSection(study, options),
    intensity: intensitySection(study, activity, options),
    cue_rates: cueRatesSection(study, options),
    topics: await topicsSection(study, options, topicTexts),
  };
  return StudySummarySchema.parse(summary);
}
