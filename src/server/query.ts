/**
 * The dashboard's query string, validated with zod: source (an export format), from/to (ISO dates or
 * date-times), type (an affective type or 'all'), lang. Empty values mean "no filter".
 */
import { z } from 'zod';
import { AFFECTIVE_TYPES, type AffectiveType } from '../facets/definitions.ts';
import { SOURCE_FORMATS, type SourceFormat } from '../model.ts';

const empty = (value: unknown) => (value === '' ? undefined : value);
const isoDate = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'must be an ISO date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM:SSZ)',
});

export const FilterQuerySchema = z
  .object({
    source: z.preprocess(empty, z.enum(SOURCE_FORMATS, { error: `must be one of ${SOURCE_FORMATS.join(', ')}` }).optional()),
    from: z.preprocess(empty, isoDate.optional()),
    to: z.preprocess(empty, isoDate.optional()),
    type: z.preprocess(
      empty,
      z.enum([...AFFECTIVE_TYPES, 'all'], { error: `must be 'all' or one of ${AFFECTIVE_TYPES.join(', ')}` }).default('all'),
    ),
    lang: z.preprocess(empty, z.enum(['en', 'zh'], { error: "must be 'en' or 'zh'" }).default('en')),
    token: z.string().optional(),
  })
  .strict()
  .refine((q) => !q.from || !q.to || Date.parse(q.from) <= Date.parse(q.to), {
    message: 'from must not be after to',
    path: ['from'],
  });

export interface Filter {
  source?: SourceFormat;
  /** Inclusive ISO bounds on the conversation's creation time (a date alone covers the whole UTC day). */
  from?: string;
  to?: string;
  type: AffectiveType | 'all';
}

export type ParsedQuery = { ok: true; filter: Filter; lang: 'en' | 'zh' } | { ok: false; error: string };

export function parseQuery(query: Record<string, string>): ParsedQuery {
  const parsed = FilterQuerySchema.safeParse(query);
  if (!parsed.success) {
    const error = parsed.error.issues
      .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
      .join('; ');
    return { ok: false, error: `invalid query: ${error}` };
  }
  const { source, from, to, type, lang } = parsed.data;
  const filter: Filter = { type };
  if (source) filter.source = source;
  if (from) filter.from = from;
  if (to) filter.to = /^\d{4}-\d{2}-\d{2}$/.test(to) ? `${to}T23:59:59.999Z` : to;
  return { ok: true, filter, lang };
}
