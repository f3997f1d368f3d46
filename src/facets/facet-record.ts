/**
 * One line of `affectlens facets … --out facets.jsonl`: the project's evaluation contract.
 * Keys are snake_case as in the contract; `id` is the source's id, echoed unchanged.
 * The facet fields themselves (affective, pushback, sentiment …) are added by the facet
 * classifiers; this is the part every record has.
 */
import type { Conversation } from '../model.ts';
import type { LanguageDetector } from './language.ts';

export interface FacetRecordMessage {
  index: number;
  role: 'user';
}

export interface FacetRecord {
  id: string;
  source: Conversation['source'];
  language: string;
  human_messages: number;
  messages: FacetRecordMessage[];
}

export function baseFacetRecord(conversation: Conversation, languages: LanguageDetector): FacetRecord {
  const messages: FacetRecordMessage[] = conversation.messages
    .filter((message) => message.role === 'user')
    .map((message) => ({ index: message.index, role: 'user' }));
  return {
    id: conversation.id,
    source: conversation.source,
    language: languages.conversationLanguage(conversation),
    human_messages: messages.length,
    messages,
  };
}
