/**
 * A FacetContext from hand-written turns (tests) or dataset turns (the training scripts), without the
 * importers: the conversation around the messages is a fixed stub the detectors never read.
 */
import type { FacetContext } from '../facets/facet.ts';
import type { Conversation } from '../model.ts';

export type Turn = readonly ['user' | 'assistant', string];

/** The turns in order (message indexes 0, 1, …), user and assistant messages split as the backend does. */
export function contextOf(turns: readonly Turn[], language = 'en', id = 'test'): FacetContext {
  const messages = turns.map(([role, text], index) => ({ index, role, text }));
  const conversation = {
    id,
    key: '0'.repeat(64),
    source: 'openai-messages',
    participant: '0'.repeat(16),
    messages,
    origin: { file: 'test' },
    meta: {},
  } satisfies Conversation;
  return {
    conversation,
    userMessages: messages.filter((message) => message.role === 'user'),
    assistantMessages: messages.filter((message) => message.role === 'assistant'),
    language,
  };
}

/** Each user text answered by the same assistant reply: user, assistant, user, assistant, … */
export function userTurns(userTexts: readonly string[], reply: string): Turn[] {
  return userTexts.flatMap((text): Turn[] => [
    ['user', text],
    ['assistant', reply],
  ]);
}
