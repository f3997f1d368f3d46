/**
 * The facet values the study reads from one stored analysis row, parsed leniently (the store holds the
 * facets record as JSON; unknown or missing fields read as "absent", never throw). Evidence is reduced
 * here to pushback reason categories; no other evidence text goes any further.
 */
import {
  AFFECTIVE_TYPES,
  type AffectiveType,
  ASSISTANT_CUES,
  type AssistantCue,
  type CrisisLevel,
} from '../facets/definitions.ts';
import type { AnalysisRow } from '../store/store.ts';
import type { Group, PushbackReason } from './summary-schema.ts';

export interface StudyRow {
  key: string;
  participant: string;
  contentCreation: boolean;
  affective: AffectiveType[];
  userMessages: number;
  pushback: boolean;
  /** Reason categories of the pushback (empty when there is none). */
  pushbackReasons: PushbackReason[];
  crisis: CrisisLevel;
  anthropomorphism: boolean;
  assistant: Record<AssistantCue, boolean>;
  sentimentChange: number | null;
  segments: { first: AffectiveType[]; last: AffectiveType[] } | null;
}

/**
 * Pushback evidence → reason category. Rule ids come from src/facets/pushback/phrases.ts; `at:N` and the
 * model's n-gram features carry no category. A conversation can have several categories; `other` only
 * when pushback was found without any of the named rules (the model alone decided).
 */
const REASON_OF_RULE: Record<string, PushbackReason> = {
  'rule:refuse': 'refusal',
  'rule:apology-refuse': 'refusal',
  'rule:not-appropriate': 'refusal',
  'rule:as-ai': 'refusal',
  'rule:however-can': 'refusal',
  'rule:advise-against': 'safety_warning',
  'rule:self-talk': 'challenging_self_talk',
  'rule:danger-redirect': 'redirect_from_danger',
  'rule:clarify': 'correcting_premise',
  'rule:disagree': 'correcting_premise',
};

export function pushbackReasons(evidence: readonly unknown[]): PushbackReason[] {
  const found = new Set<PushbackReason>();
  for (const item of evidence) {
    const reason = typeof item === 'string' ? REASON_OF_RULE[item] : undefined;
    if (reason) found.add(reason);
  }
  return found.size > 0 ? [...found].sort() : ['other'];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function types(value: unknown): AffectiveType[] {
  if (!Array.isArray(value)) return [];
  return AFFECTIVE_TYPES.filter((type) => value.includes(type));
}

export function toStudyRow(row: AnalysisRow): StudyRow {
  const f = row.facets;
  const assistant = isObject(f.assistant) ? f.assistant : {};
  const evidence = isObject(f.evidence) ? f.evidence : {};
  const segments = isObject(f.segments) ? { first: types(f.segments.first), last: types(f.segments.last) } : null;
  const messages = Array.isArray(f.messages) ? f.messages.length : 0;
  const pushback = f.pushback === true;
  const crisis = f.crisis === 'distress' || f.crisis === 'risk' ? f.crisis : 'none';
  return {
    key: row.key,
    participant: row.participant,
    contentCreation: f.content_creation === true,
    affective: types(f.affective),
    userMessages: typeof f.human_messages === 'number' ? f.human_messages : messages,
    pushback,
    pushbackReasons: pushback ? pushbackReasons(Array.isArray(evidence.pushback) ? evidence.pushback : []) : [],
    crisis,
    anthropomorphism: f.anthropomorphism === true,
    assistant: Object.fromEntries(ASSISTANT_CUES.map((cue) => [cue, assistant[cue] === true])) as Record<AssistantCue, boolean>,
    sentimentChange: typeof f.sentiment_change === 'number' && Number.isFinite(f.sentiment_change) ? f.sentiment_change : null,
    segments,
  };
}

/** Is the row in the group (an affective type, or no type at all)? */
export function inGroup(row: StudyRow, group: Group): boolean {
  return group === 'not_affective' ? row.affective.length === 0 : row.affective.includes(group);
}

export function distinctParticipants(rows: readonly StudyRow[]): number {
  return new Set(rows.map((row) => row.participant)).size;
}
