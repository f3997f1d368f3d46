/**
 * The study part of summary.json: a versioned zod schema (the source of docs/summary.schema.json,
 * written by scripts/write-summary-schema.ts). Bump STUDY_SCHEMA_VERSION on any breaking change.
 *
 * Conventions, everywhere:
 * - Every section carries `n_conversations`, `n_participants` (its population), `backend` (the facet
 *   backend) and `thresholds` (the k used).
 * - Every reported cell has `conversations`, `participants`, `suppressed` and, when suppressed,
 *   `suppression_reason`. A suppressed cell keeps its place (it is never dropped) but its counts and
 *   every value field are null: showing the counts of a suppressed cell would undo the suppression.
 * - Shares and rates are proportions in [0, 1] with a 95% interval and the `method` that made it.
 */
import { z } from 'zod';
import { AFFECTIVE_TYPES, ASSISTANT_CUES } from '../facets/definitions.ts';
import {
  type CellSchema,
  cellShape,
  count,
  DistributionSchema,
  groupRecord,
  keyed,
  MeanCellSchema,
  nullableCount,
  ShareCellSchema,
  sectionShape,
  ThresholdsSchema,
  typeRecord,
} from './cell-schema.ts';

export {
  CellSchema,
  DistributionSchema,
  GROUPS,
  type Group,
  IntervalMethodSchema,
  MeanCellSchema,
  ShareCellSchema,
  SuppressionReasonSchema,
  ThresholdsSchema,
} from './cell-schema.ts';

export const STUDY_SCHEMA_VERSION = 1;

const PrevalenceBlockSchema = z
  .object({
    n_conversations: count,
    n_participants: count,
    affective: ShareCellSchema.describe('Conversations with at least one affective type.'),
    types: typeRecord(ShareCellSchema).describe('Per type (multi-label: a conversation can count in several).'),
  })
  .meta({ id: 'PrevalenceBlock' });

export const PrevalenceSectionSchema = z.object({
  ...sectionShape,
  all: PrevalenceBlockSchema.describe('Base: all conversations.'),
  non_content_creation: PrevalenceBlockSchema.describe('Base: conversations that are not content creation.'),
});

export const PUSHBACK_REASONS = [
  'refusal',
  'safety_warning',
  'challenging_self_talk',
  'redirect_from_danger',
  'correcting_premise',
  'other',
] as const;
export type PushbackReason = (typeof PUSHBACK_REASONS)[number];

const PushbackGroupSchema = z
  .object({
    ...cellShape,
    rate: ShareCellSchema.describe('Conversations with pushback; base: the group.'),
    reasons: z
      .array(ShareCellSchema.extend({ category: z.enum(PUSHBACK_REASONS) }))
      .describe('Reason categories, most common first (suppressed ones last); base: the group’s pushback conversations.'),
  })
  .meta({ id: 'PushbackGroup' });
export const PushbackSectionSchema = z.object({ ...sectionShape, groups: groupRecord(PushbackGroupSchema) });

export const SentimentTrajectorySectionSchema = z.object({
  ...sectionShape,
  min_user_messages: count,
  resamples: count,
  confidence: z.number(),
  groups: groupRecord(MeanCellSchema).describe('Mean sentiment_change (last three − first three user messages), in [−2, 2].'),
});

export const LongConversationsSectionSchema = z.object({
  ...sectionShape,
  min_user_messages: count,
  long: ShareCellSchema.describe('Long conversations; base: all conversations.'),
  types: groupRecord(ShareCellSchema).describe('Type mix; base: long conversations.'),
  drift: ShareCellSchema.extend({ from: z.array(z.enum(AFFECTIVE_TYPES)), to: z.enum(AFFECTIVE_TYPES) }).describe(
    'First third typed as one of `from`, last third as `to`; base: long conversations.',
  ),
});

export const INTENSITY_METRICS = [
  'conversations',
  'user_messages',
  'active_days',
  'sessions_per_week',
  'night_share',
  'affective_share',
] as const;
const IntensityGroupSchema = z
  .object({
    ...cellShape,
    metrics: keyed(INTENSITY_METRICS, DistributionSchema.nullable()),
  })
  .meta({ id: 'IntensityGroup' });
export const IntensitySectionSchema = z.object({
  ...sectionShape,
  groups: z.object({ all: IntensityGroupSchema, any_affective: IntensityGroupSchema, no_affective: IntensityGroupSchema }),
});

export const CUES = ['crisis_distress', 'crisis_risk', 'anthropomorphism', ...ASSISTANT_CUES] as const;
export type Cue = (typeof CUES)[number];
const CueGroupSchema = z
  .object({
    ...cellShape,
    rates: keyed(CUES, ShareCellSchema).describe('Base: the group.'),
  })
  .meta({ id: 'CueGroup' });
export const CueRatesSectionSchema = z.object({ ...sectionShape, groups: groupRecord(CueGroupSchema) });

const topicShape = { ...cellShape, id: z.string(), label: z.array(z.string()) };
export const TopicCellSchema = z
  .object({ ...topicShape, children: z.array(z.object(topicShape)).describe('Sub-clusters (one level).') })
  .meta({ id: 'TopicCluster' });
const TopicsTypeSchema = z
  .object({
    ...cellShape,
    documents_used: nullableCount,
    clusters: z.array(TopicCellSchema),
  })
  .meta({ id: 'TopicsOfType' });
export const TopicsSectionSchema = z.object({
  ...sectionShape,
  computed: z.boolean().describe('False when the caller supplied no texts.'),
  method: z.string().nullable(),
  types: typeRecord(TopicsTypeSchema),
});

export const StudySummarySchema = z.object({
  schema: z.literal('affectlens.study'),
  schema_version: z.literal(STUDY_SCHEMA_VERSION),
  backend: z.string(),
  thresholds: ThresholdsSchema,
  seed: z.number().int(),
  n_conversations: count,
  n_participants: count,
  prevalence: PrevalenceSectionSchema,
  pushback: PushbackSectionSchema,
  sentiment_trajectory: SentimentTrajectorySectionSchema,
  long_conversations: LongConversationsSectionSchema,
  intensity: IntensitySectionSchema,
  cue_rates: CueRatesSectionSchema,
  topics: TopicsSectionSchema,
});

export type Cell = z.infer<typeof CellSchema>;
export type ShareCell = z.infer<typeof ShareCellSchema>;
export type MeanCell = z.infer<typeof MeanCellSchema>;
export type Distribution = z.infer<typeof DistributionSchema>;
export type StudySummary = z.infer<typeof StudySummarySchema>;
export type PrevalenceSection = z.infer<typeof PrevalenceSectionSchema>;
export type PushbackSection = z.infer<typeof PushbackSectionSchema>;
export type SentimentTrajectorySection = z.infer<typeof SentimentTrajectorySectionSchema>;
export type LongConversationsSection = z.infer<typeof LongConversationsSectionSchema>;
export type IntensitySection = z.infer<typeof IntensitySectionSchema>;
export type CueRatesSection = z.infer<typeof CueRatesSectionSchema>;
export type TopicsSection = z.infer<typeof TopicsSectionSchema>;
export type TopicCell = z.infer<typeof TopicCellSchema>;

/** The study schema as JSON Schema (draft 2020-12), for other tools. */
export function studySummaryJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(StudySummarySchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: `https://affectlens.dev/schemas/study-summary-v${STUDY_SCHEMA_VERSION}.json`,
    title: 'affectlens study summary',
    description: 'The study part of summary.json (src/aggregate/summary-schema.ts). Suppressed cells: counts and values null.',
    ...schema,
  };
}

/** The text of docs/summary.schema.json. */
export function summarySchemaText(): string {
  return `${JSON.stringify(studySummaryJsonSchema(), null, 2)}\n`;
}
