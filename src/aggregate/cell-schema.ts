/**
 * The building blocks of the study schema (summary-schema.ts): counts, cells, shares, means,
 * thresholds and the group keys. See summary-schema.ts for the conventions.
 */
import { z } from 'zod';
import { AFFECTIVE_TYPES } from '../facets/definitions.ts';

export const count = z.number().int().nonnegative();
export const nullableCount = count.nullable();
export const proportion = z.number().min(0).max(1).nullable();

export const SuppressionReasonSchema = z
  .enum(['below_k', 'complementary', 'parent_suppressed'])
  .describe(
    'below_k: fewer than k_users participants or k_conversations conversations. complementary: hidden so that a ' +
      'suppressed cell cannot be recovered from totals by subtraction. parent_suppressed: the group it belongs to is suppressed.',
  )
  .meta({ id: 'SuppressionReason' });

export const ThresholdsSchema = z
  .object({ k_users: count, k_conversations: count })
  .describe('A reported cell needs at least k_users distinct participants and k_conversations conversations.')
  .meta({ id: 'Thresholds' });

export const cellShape = {
  conversations: nullableCount.describe('Conversations in the cell; null when suppressed.'),
  participants: nullableCount.describe('Distinct participants in the cell; null when suppressed.'),
  suppressed: z.boolean(),
  suppression_reason: SuppressionReasonSchema.optional(),
};
export const CellSchema = z.object(cellShape);

export const IntervalMethodSchema = z
  .enum(['wilson', 'cluster-bootstrap', 'bootstrap'])
  .describe(
    'wilson: Wilson score interval. cluster-bootstrap: participants resampled with replacement (used when the base has more ' +
      'than 1.5 conversations per participant). bootstrap: conversations resampled with replacement.',
  )
  .meta({ id: 'IntervalMethod' });

export const ShareCellSchema = z
  .object({
    ...cellShape,
    estimate: proportion.describe('The share (cell conversations / base conversations); null when suppressed.'),
    low: proportion,
    high: proportion,
    method: IntervalMethodSchema.nullable(),
  })
  .describe('A category inside a base (the enclosing block says which); the counts are those of the category.')
  .meta({ id: 'ShareCell' });

export const MeanCellSchema = z
  .object({
    ...cellShape,
    mean: z.number().nullable(),
    low: z.number().nullable(),
    high: z.number().nullable(),
    method: IntervalMethodSchema.nullable(),
  })
  .meta({ id: 'MeanCell' });

export const sectionShape = {
  n_conversations: count.describe('Conversations in the section’s population.'),
  n_participants: count.describe('Distinct participants in the section’s population.'),
  backend: z.string().describe('The facet backend that produced the facets.'),
  thresholds: ThresholdsSchema,
};

/** An object with exactly these keys, each holding `cell` (all required). */
export function keyed<K extends string, T extends z.ZodType>(keys: readonly K[], cell: T) {
  return z.object(Object.fromEntries(keys.map((key) => [key, cell])) as Record<K, T>);
}
export const GROUPS = [...AFFECTIVE_TYPES, 'not_affective'] as const;
export type Group = (typeof GROUPS)[number];
export const typeRecord = <T extends z.ZodType>(cell: T) => keyed(AFFECTIVE_TYPES, cell);
export const groupRecord = <T extends z.ZodType>(cell: T) => keyed(GROUPS, cell);

export const DistributionSchema = z
  .object({
    n: count,
    mean: z.number().nullable(),
    sd: z.number().nullable(),
    p25: z.number().nullable(),
    median: z.number().nullable(),
    p75: z.number().nullable(),
    p90: z.number().nullable(),
  })
  .describe('Over participants. No min or max: an extreme is one participant’s value.')
  .meta({ id: 'Distribution' });
