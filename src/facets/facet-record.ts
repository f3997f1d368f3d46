/**
 * One line of `affectlens facets … --out facets.jsonl`: the project's evaluation contract.
 * Keys are snake_case as in the contract; `id` is the source's id, echoed unchanged.
 * Evidence (the rules and model features behind each positive decision) is added only on request
 * (`--explain`): it names single cue words, which are not for sharing beyond the analyst.
 */
import type { Conversation } from '../model.ts';
import type { AffectiveType, AssistantCue, CrisisLevel } from './definitions.ts';
import type { FacetBackend } from './embedded-backend.ts';
import { FacetFailure, type MessageFacetValues } from './facet.ts';

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
  /** e.g. an LLM saw a truncated conversation; absent when nothing limits the labels. */
  warnings?: string[];
}

/** A conversation the backend could not label: the same keys, null facet values, and the reason. */
export type FailedFacetRecord = {
  [Key in keyof FacetRecord]: Key extends 'id' | 'source' | 'language' | 'human_messages' | 'backend'
    ? FacetRecord[Key]
    : FacetRecord[Key] | null;
} & { error: string };

export function isFailedRecord(record: FacetRecord | FailedFacetRecord): record is FailedFacetRecord {
  return 'error' in record && typeof record.error === 'string';
}

function failedRecord(conversation: Conversation, backend: FacetBackend, failure: FacetFailure): FailedFacetRecord {
  return {
    id: conversation.id,
    source: conversation.source,
    language: failure.language ?? 'und',
    human_messages: conversation.messages.filter((message) => message.role === 'user').length,
    content_creation: null,
    affective: null,
    pushback: null,
    pushback_at: null,
    crisis: null,
    anthropomorphism: null,
    assistant: null,
    messages: null,
    sentiment_change: null,
    segments: null,
    backend: backend.id,
    error: failure.reason,
  };
}

export async function facetRecord(
  conversation: Conversation,
  backend: FacetBackend,
  options: { explain?: boolean } = {},
): Promise<FacetRecord | FailedFacetRecord> {
  let classified: Awaited<ReturnType<FacetBackend['classify']>>;
  try {
    classified = await backend.classify(conversation);
  } catch (error) {
    if (error instanceof FacetFailure) return failedRecord(conversation, backend, error);
    throw error;
  }
  const { evidence, language, warnings, ...facets } = classified;
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
    ...(warnings && warnings.length > 0 ? { warnings } : {}),
  };
}
