/**
 * The Facet seam for the embedded backend. A conversation facet computes one field of the facets
 * record from the redacted conversation; each positive decision carries its evidence (the rules or
 * features that drove it) for the report's audit view and for debugging.
 */
import type { Conversation, Message } from '../model.ts';
import type { AffectiveType, AssistantCue, CrisisLevel, Sentiment } from './definitions.ts';

export interface FacetContext {
  conversation: Conversation;
  userMessages: readonly Message[];
  assistantMessages: readonly Message[];
  /** The conversation's language (fastText LID), e.g. 'en', 'zh'. */
  language: string;
}

export interface Decision<Value> {
  value: Value;
  /** Why, for positive decisions: rule ids or top model features. Never message text beyond single cue words. */
  evidence?: string[];
}

export interface ConversationFacet<Value> {
  readonly id: string;
  compute(context: FacetContext): Decision<Value>;
}

export interface MessageFacetValues {
  index: number;
  role: 'user';
  sentiment: Sentiment;
  emotional_disclosure: boolean;
  informational_disclosure: boolean;
}

/** The facet fields of one facets.jsonl line (besides id, source, language, human_messages). */
export interface ConversationFacets {
  content_creation: boolean;
  affective: AffectiveType[];
  pushback: boolean;
  pushback_at: number | null;
  crisis: CrisisLevel;
  anthropomorphism: boolean;
  assistant: Record<AssistantCue, boolean>;
  messages: MessageFacetValues[];
  sentiment_change: number | null;
  /** Long conversations only: affective types of the first and last third of the user's messages (drift). */
  segments: { first: AffectiveType[]; last: AffectiveType[] } | null;
  /** facet id → evidence for its positive decisions. */
  evidence: Record<string, string[]>;
  /** What limits the labels (e.g. an LLM saw a truncated conversation). Absent when nothing does. */
  warnings?: string[];
}

/**
 * Thrown by a backend that could not label a conversation (an LLM call failed for good): the record
 * then carries `error: reason` and null facet values — never a silent "not affective".
 * The reason is a short code plus detail; it never contains message text.
 */
export class FacetFailure extends Error {
  constructor(
    readonly reason: string,
    readonly language?: string,
  ) {
    super(reason);
    this.name = 'FacetFailure';
  }
}
