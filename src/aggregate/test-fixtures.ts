/** Hand-built analysis rows for the aggregate tests (not used outside tests). */
import { type AffectiveType, ASSISTANT_CUES, type AssistantCue, type CrisisLevel } from '../facets/definitions.ts';
import type { KThresholds } from '../privacy/thresholds.ts';
import type { AnalysisRow, ParticipantActivity } from '../store/store.ts';
import type { SectionOptions } from './cells.ts';
import { type StudyRow, toStudyRow } from './rows.ts';

export interface RowSpec {
  affective?: AffectiveType[];
  contentCreation?: boolean;
  userMessages?: number;
  pushback?: boolean;
  pushbackEvidence?: string[];
  crisis?: CrisisLevel;
  anthropomorphism?: boolean;
  cues?: AssistantCue[];
  sentimentChange?: number | null;
  segments?: { first: AffectiveType[]; last: AffectiveType[] } | null;
}

export function analysisRow(key: string, participant: string, spec: RowSpec = {}): AnalysisRow {
  const userMessages = spec.userMessages ?? 2;
  return {
    key,
    participant,
    source: 'chatgpt',
    createdAt: null,
    facets: {
      id: key,
      human_messages: userMessages,
      content_creation: spec.contentCreation ?? false,
      affective: spec.affective ?? [],
      pushback: spec.pushback ?? false,
      pushback_at: spec.pushback ? 1 : null,
      crisis: spec.crisis ?? 'none',
      anthropomorphism: spec.anthropomorphism ?? false,
      assistant: Object.fromEntries(ASSISTANT_CUES.map((cue) => [cue, spec.cues?.includes(cue) ?? false])),
      messages: [],
      sentiment_change: spec.sentimentChange ?? null,
      segments: spec.segments ?? null,
      backend: 'embedded@1',
      evidence: spec.pushback ? { pushback: ['at:1', ...(spec.pushbackEvidence ?? [])] } : {},
    },
  };
}

/** `count` rows with the same spec, spread round-robin over `participants` participants named `${prefix}p<i>`. */
export function rows(prefix: string, count: number, participants: number, spec: RowSpec = {}): StudyRow[] {
  return Array.from({ length: count }, (_, i) =>
    toStudyRow(analysisRow(`${prefix}-${i}`, `${prefix}p${i % participants}`, spec)),
  );
}

export function activityOf(
  participant: string,
  conversations: number,
  extra: Partial<ParticipantActivity> = {},
): ParticipantActivity {
  return {
    participant,
    conversations,
    userMessages: conversations * 4,
    activeDays: conversations,
    sessions: conversations,
    spanDays: 14,
    nightShare: 0.25,
    ...extra,
  };
}

export const K: KThresholds = { kUsers: 5, kConversations: 10 };
export const OPTIONS: SectionOptions = { k: K, seed: 7, backend: 'embedded@1' };
