/**
 * The prompts of the LLM backends: one versioned system prompt per facet group, each quoting the
 * facet definitions of src/facets/definitions.ts word for word. A prompt's version names the group,
 * its revision, FACETS_VERSION and a hash of its text, so that any change to a definition or a
 * prompt asks again instead of reusing cached answers. The user's text reaches these prompts only
 * as the redacted conversation (placeholders such as [NAME], [EMAIL] stay as they are).
 */
import { createHash } from 'node:crypto';
import { AFFECTIVE_TYPES, ASSISTANT_CUES, CRISIS_LEVELS, FACET_DEFINITIONS, FACETS_VERSION } from '../../facets/definitions.ts';

export type PromptGroupId = 'conversation' | 'assistant' | 'messages';

export interface PromptGroup {
  id: PromptGroupId;
  /** e.g. 'conversation.r1/facets@1/3f2a9c01' */
  version: string;
  system: string;
  /** Output tokens to allow (per request; the messages group adds MESSAGE_OUTPUT_TOKENS per message). */
  maxTokens: number;
}

/** Output tokens per user message in the messages group (for max_tokens and the dry-run estimate). */
export const MESSAGE_OUTPUT_TOKENS = 28;

function quote(id: string): string {
  const facet = FACET_DEFINITIONS.find((definition) => definition.id === id);
  if (!facet) throw new Error(`no facet definition ${id}`);
  return `- ${facet.id} (per ${facet.unit}): ${facet.definition}`;
}

const list = (values: readonly string[]) => values.map((value) => JSON.stringify(value)).join(', ');

const PREAMBLE =
  'You label anonymised chat conversations between a user and an AI assistant for aggregate research. ' +
  'Personal data has been replaced by placeholders such as [NAME] or [EMAIL]; never guess what they hide. ' +
  'Messages are shown as "[index] role: text". Judge only by the definitions below. ' +
  'Answer with one JSON object and nothing else.';

const SUMMARY_RULES =
  'summary: only when affective is not empty, otherwise null. At most 2 short sentences, in English, saying in general ' +
  'terms what the user sought and what kind of support followed. Privacy: no names, no proper nouns, no places, ' +
  'organisations, dates, ages, numbers, usernames or quotes, nothing that could identify anyone; write "a partner", ' +
  '"a coworker", "a city" instead.';

function group(id: PromptGroupId, revision: number, maxTokens: number, lines: string[]): PromptGroup {
  const system = [PREAMBLE, '', ...lines].join('\n');
  const hash = createHash('sha256').update(system).digest('hex').slice(0, 8);
  return { id, version: `${id}.r${revision}/facets@${FACETS_VERSION}/${hash}`, system, maxTokens };
}

export const CONVERSATION_PROMPT = group('conversation', 1, 220, [
  'Definitions:',
  quote('content_creation'),
  quote('affective'),
  quote('crisis'),
  quote('anthropomorphism'),
  '',
  SUMMARY_RULES,
  '',
  'Output keys:',
  '{"content_creation": true|false, "affective": [zero or more of ' +
    `${list(AFFECTIVE_TYPES)}], "crisis": one of ${list(CRISIS_LEVELS)}, "anthropomorphism": true|false, ` +
    '"summary": string|null}',
  'When the request says the conversation is long, also give "affective_first_third" and "affective_last_third": ' +
    'the affective types (same list) of the first and of the last third of the user messages.',
]);

export const ASSISTANT_PROMPT = group('assistant', 1, 120, [
  'Definitions:',
  quote('pushback'),
  quote('assistant'),
  quote('crisis'),
  '',
  'Output keys:',
  '{"pushback": true|false, "pushback_at": index of the first pushing-back assistant message or null, ' +
    `"assistant": {${ASSISTANT_CUES.map((cue) => `"${cue}": true|false`).join(', ')}}}`,
]);

export const MESSAGES_PROMPT = group('messages', 1, 40, [
  'Only the user messages are shown. Label each one.',
  'Definitions:',
  quote('sentiment'),
  quote('emotional_disclosure'),
  quote('informational_disclosure'),
  '',
  'Output keys:',
  '{"messages": [{"index": the message index, "sentiment": one of -1, -0.5, 0, 0.5, 1, ' +
    '"emotional_disclosure": true|false, "informational_disclosure": true|false}, … one entry per message shown, same order]}',
]);

export const PROMPTS = [CONVERSATION_PROMPT, ASSISTANT_PROMPT, MESSAGES_PROMPT] as const;

/** The repair turn after an answer that failed validation (quotes the error, never the conversation). */
export function repairMessage(error: string): string {
  return `Your answer could not be used: ${error}\nAnswer again with only the corrected JSON object, following the output keys exactly.`;
}
