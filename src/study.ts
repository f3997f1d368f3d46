/**
 * The study step of `analyze`: read every conversation's stored facets, build the seven figures with
 * k-thresholds applied (src/aggregate), and pool the language counts under the same thresholds.
 * Topics are offline (TF-IDF k-means over the user's redacted words) unless `topicsMethod` is 'llm':
 * then the LLM topics over the summaries the LLM backend stored (src/backends/llm-topics).
 */
import { buildStudySummary } from './aggregate/aggregate.ts';
import { type StudyRow, toStudyRow } from './aggregate/rows.ts';
import type { StudySummary } from './aggregate/summary-schema.ts';
import { llmTopicsInput } from './backends/llm-topics/index.ts';
import type { LlmTopicsProvider } from './backends/llm-topics/types.ts';
import { ConfigError } from './errors.ts';
import { DEFAULT_THRESHOLDS, type KThresholds, meetsThresholds } from './privacy/thresholds.ts';
import type { AnalysisRow, Store } from './store/store.ts';

export interface StudyOptions {
  thresholds?: KThresholds;
  /** Seed of every bootstrap and of the topic clustering: the same seed gives the same numbers. */
  seed?: number;
  /**
   * 'offline' (default): topics from the user's redacted words. 'llm': topics from the summaries an
   * LLM backend (or the cascade) stored in each affective record's evidence; needs `llmTopics`.
   */
  topicsMethod?: 'offline' | 'llm';
  /** The embeddings + chat provider of the LLM topics. */
  llmTopics?: LlmTopicsProvider;
}

export interface LanguageCell {
  language: string;
  conversations: number | null;
  participants: number | null;
  suppressed: boolean;
}

/** Languages below the thresholds are pooled as 'other'; 'other' itself is suppressed if still below. */
export function languageCells(rows: Iterable<{ language: string; participant: string }>, k: KThresholds): LanguageCell[] {
  const byLanguage = new Map<string, { conversations: number; participants: Set<string> }>();
  for (const row of rows) {
    const language = row.language;
    const cell = byLanguage.get(language) ?? { conversations: 0, participants: new Set<string>() };
    cell.conversations += 1;
    cell.participants.add(row.participant);
    byLanguage.set(language, cell);
  }
  const cells: LanguageCell[] = [];
  const other = { conversations: 0, participants: new Set<string>() };
  for (const [language, cell] of [...byLanguage].sort(
    (a, b) => b[1].conversations - a[1].conversations || (a[0] < b[0] ? -1 : 1),
  )) {
    if (meetsThresholds({ conversations: cell.conversations, participants: cell.participants.size }, k)) {
      cells.push({ language, conversations: cell.conversations, participants: cell.participants.size, suppressed: false });
    } else {
      other.conversations += cell.conversations;
      for (const participant of cell.participants) other.participants.add(participant);
    }
  }
  if (other.conversations > 0) {
    const shown = meetsThresholds({ conversations: other.conversations, participants: other.participants.size }, k);
    cells.push({
      language: 'other',
      conversations: shown ? other.conversations : null,
      participants: shown ? other.participants.size : null,
      suppressed: !shown,
    });
  }
  return cells;
}

export async function buildStudy(
  store: Store,
  facetRun: string,
  options: StudyOptions = {},
): Promise<{ study: StudySummary; languages: LanguageCell[] }> {
  const k = options.thresholds ?? DEFAULT_THRESHOLDS;
  if (options.topicsMethod === 'llm' && !options.llmTopics) throw new ConfigError("topicsMethod 'llm' needs llmTopics");
  // Each stored record is reduced to what the figures read as it streams in (StudyRow: a few
  // hundred bytes instead of the whole record with per-message values and evidence).
  const rows: StudyRow[] = [];
  const languages: { language: string; participant: string }[] = [];
  // Topics read affective, non-content-creation conversations only: the user's (redacted) words, or their summaries.
  const topicRows: AnalysisRow[] = [];
  for await (const row of store.readAnalysisRows(facetRun)) {
    const studyRow = toStudyRow(row);
    rows.push(studyRow);
    languages.push({ language: String(row.facets.language ?? 'und'), participant: row.participant });
    if (studyRow.affective.length > 0 && !studyRow.contentCreation) {
      topicRows.push(options.topicsMethod === 'llm' ? row : { ...row, facets: {} });
    }
  }
  const activity = await store.participantActivity();
  const texts =
    options.topicsMethod === 'llm' && options.llmTopics
      ? llmTopicsInput(topicRows, options.llmTopics)
      : await store.userTexts(topicRows.map((row) => row.key));
  const study = await buildStudySummary(rows, activity, { k, seed: options.seed ?? 1, backend: facetRun }, texts);
  return { study, languages: languageCells(languages, k) };
}
