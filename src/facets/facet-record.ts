/**
 * One line of `affectlens facets … --out facets.jsonl`: the project's evaluation contract.
 * Keys are snake_case as in the contract; `id` is the source's id, echoed unchanged.
 * Evidence (the rules and model features behind each positive decision) is added only on request
 * (`--explain`): it names single cue words, which are not for sharing beyond the analyst.
 */
import type { Conversation } from '../model.ts';
import type { AffectiveType, AssistantCue, CrisisLevel } from './definitions.ts';
import type { FacetBackend } from './embedded-backend.ts';
import type { MessageFacetValues } from './facet.ts';

export interface FacetRecord {
  id: string;
  source: Conversation['source'];
  language: string;
  human_messages: number;
  content_creation: boolean;
  affective: AffectiveType[];
  pushback: boolean;
  pushback_at: number | null;
  crisis: CrisisLevel;
  anthropomorphism: boolean;
  assistant: Record<AssistantCue, boolean>;
  messages: MessageFacetValues[];
  sentiment_change: number | null;
  /** Long conversations (≥ 50 user messages): types of the first and last third. */
  segments: { first: AffectiveType[]; last: AffectiveType[] } | null;
  backend: string;
  evidence?: Record<string, string[]>;
}

export async function facetRecord(
  conversation: Conversation,
  backend: FacetBackend,
  options: { explain?: boolean } = {},
): Promise<FacetRecord> {
  const { evidence, language, ...facets } = await backend.classify(conversation);
  return {
    id: conversation.id,
    source: conversation.source,
    language,
    human_messages: facets.messages.length,
    content_creation: facets.content_creation,
    affective: facets.affective,
    pushback: facets.pushback,
    pushback_at: facets.pushback_at,
    crisis: facets.crisis,
    anthropomorphism: facets.anthropomorphism,
    assistant: facets.assistant,
    messages: facets.messages,
    sentiment_change: facets.sentiment_change === null ? null : Math.round(facets.sentiment_change * 1000) / 1000,
    segments: facets.segments,
    backend: backend.id,
    ...(options.explain ? { evidence } : {}),
  };
}
