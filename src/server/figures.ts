/**
 * The dashboard's data: the stored analysis rows of one facet run, held in memory (counts and facet
 * values only), filtered per request, and the study figures rebuilt on the filtered rows with the same
 * k-thresholds as the analysis — so every drill-down obeys them (a thin filter shows suppressed cells).
 */
import { buildStudySummary } from '../aggregate/aggregate.ts';
import { toStudyRow } from '../aggregate/rows.ts';
import type { StudySummary } from '../aggregate/summary-schema.ts';
import { AFFECTIVE_TYPES } from '../facets/definitions.ts';
import { DEFAULT_THRESHOLDS, type KThresholds, meetsThresholds } from '../privacy/thresholds.ts';
import type { AnalysisRow, ParticipantActivity, Store } from '../store/store.ts';
import type { Filter } from './query.ts';

export interface Meta {
  backend: string;
  thresholds: { k_users: number; k_conversations: number };
  sources: string[];
  types: string[];
  dateRange: { from: string | null; to: string | null };
  conversations: number;
}

export interface FigureSource {
  meta(): Meta;
  study(filter: Filter): Promise<StudySummary>;
}

export interface FigureSourceOptions {
  /** The facet run (backend id) to read; default: the backend of the latest analyze run, else 'embedded@1'. */
  facetRun?: string;
  thresholds?: KThresholds;
  seed?: number;
}

/** The backend, thresholds and seed of the latest finished `analyze` run in the store, if any. */
async function lastAnalysis(store: Store): Promise<{ backend?: string; thresholds?: KThresholds; seed?: number }> {
  const runs = (await store.runs()).filter((run) => run.command.startsWith('analyze') && run.status !== 'failed' && run.summary);
  const summary = runs.at(-1)?.summary as {
    backend?: string;
    thresholds?: { k_users: number; k_conversations: number };
    seed?: number;
  };
  if (!summary) return {};
  const k = summary.thresholds;
  return {
    backend: summary.backend,
    seed: summary.seed,
    thresholds: k && { kUsers: k.k_users, kConversations: k.k_conversations },
  };
}

/**
 * A drill-down whose population is itself below the thresholds: every cell is already suppressed, and
 * the population sizes (n_conversations, n_participants, documents_used) are withheld too (null).
 */
export function maskPopulation(study: StudySummary): StudySummary {
  const hidden = new Set(['n_conversations', 'n_participants', 'n']);
  return JSON.parse(JSON.stringify(study), (key, value) => (hidden.has(key) && typeof value === 'number' ? null : value));
}

export async function createFigureSource(store: Store, options: FigureSourceOptions = {}): Promise<FigureSource> {
  const last = await lastAnalysis(store);
  const facetRun = options.facetRun ?? last.backend ?? 'embedded@1';
  const k = options.thresholds ?? last.thresholds ?? DEFAULT_THRESHOLDS;
  const seed = options.seed ?? last.seed ?? 1;
  const rows: { row: AnalysisRow; study: ReturnType<typeof toStudyRow> }[] = [];
  for await (const row of store.readAnalysisRows(facetRun)) rows.push({ row, study: toStudyRow(row) });
  const activity: ParticipantActivity[] = await store.participantActivity();
  const dates = rows
    .map(({ row }) => row.createdAt)
    .filter((d): d is string => d !== null)
    .sort();
  const meta: Meta = {
    backend: facetRun,
    thresholds: { k_users: k.kUsers, k_conversations: k.kConversations },
    sources: [...new Set(rows.map(({ row }) => row.source))].sort(),
    types: [...AFFECTIVE_TYPES],
    dateRange: { from: dates[0] ?? null, to: dates.at(-1) ?? null },
    conversations: rows.length,
  };
  const cache = new Map<string, Promise<StudySummary>>();
  const compute = async (filter: Filter) => {
    const from = filter.from ? Date.parse(filter.from) : undefined;
    const to = filter.to ? Date.parse(filter.to) : undefined;
    const chosen = rows.filter(({ row, study }) => {
      if (filter.source && row.source !== filter.source) return false;
      if (filter.type !== 'all' && !study.affective.includes(filter.type)) return false;
      if (from === undefined && to === undefined) return true;
      const at = row.createdAt ? Date.parse(row.createdAt) : Number.NaN;
      return Number.isFinite(at) && (from === undefined || at >= from) && (to === undefined || at <= to);
    });
    const participants = new Set(chosen.map(({ row }) => row.participant));
    // Activity (messages, days, sessions, night share) stays per participant over all their stored conversations.
    const chosenActivity = activity.filter((a) => participants.has(a.participant));
    const topicKeys = chosen
      .filter(({ study }) => study.affective.length > 0 && !study.contentCreation)
      .map(({ row }) => row.key);
    const texts = await store.userTexts(topicKeys);
    const study = await buildStudySummary(
      chosen.map(({ study }) => study),
      chosenActivity,
      { k, seed, backend: facetRun },
      texts,
    );
    return meetsThresholds({ conversations: chosen.length, participants: participants.size }, k) ? study : maskPopulation(study);
  };
  return {
    meta: () => meta,
    study(filter) {
      const key = JSON.stringify(filter);
      let result = cache.get(key);
      if (!result) {
        if (cache.size >= 64) cache.delete(cache.keys().next().value as string);
        result = compute(filter);
        result.catch(() => cache.delete(key));
        cache.set(key, result);
      }
      return result;
    },
  };
}
