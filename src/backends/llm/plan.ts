/**
 * What the LLM backend will send for one conversation — the request contents of each prompt group —
 * and what that costs in tokens, estimated without sending anything (the dry run uses the same plan,
 * so its estimate covers exactly the requests a real run makes).
 */
import { LONG_CONVERSATION_MIN_USER_MESSAGES } from '../../facets/definitions.ts';
import type { Conversation } from '../../model.ts';
import { ASSISTANT_PROMPT, CONVERSATION_PROMPT, MESSAGE_OUTPUT_TOKENS, MESSAGES_PROMPT } from './prompts.ts';
import { type RenderOptions, renderConversation, userMessageChunks } from './render.ts';
import { estimateTokens } from './tokens.ts';

export interface RequestPlan {
  conversation: string;
  /** null: no assistant message, so no assistant-behaviour request. */
  assistant: string | null;
  assistantIndexes: number[];
  messages: { content: string; indexes: number[]; maxTokens: number }[];
  userIndexes: number[];
  long: boolean;
  /** Set when the conversation-level prompts saw a truncated conversation. */
  warning?: string;
}

export function plan(conversation: Conversation, render: RenderOptions): RequestPlan {
  const rendered = renderConversation(conversation, render);
  const userIndexes = conversation.messages.filter((message) => message.role === 'user').map((message) => message.index);
  const long = userIndexes.length >= LONG_CONVERSATION_MIN_USER_MESSAGES;
  const assistantIndexes = rendered.shown.filter((message) => message.role === 'assistant').map((message) => message.index);
  const note = long
    ? `\n\nThis conversation is long (${userIndexes.length} user messages): also give affective_first_third and affective_last_third.`
    : '';
  return {
    conversation: `${rendered.content}${note}`,
    assistant: assistantIndexes.length > 0 ? rendered.content : null,
    assistantIndexes,
    messages: userMessageChunks(conversation, render).map((chunk) => ({
      content: chunk.content,
      indexes: chunk.shown.map((message) => message.index),
      maxTokens: MESSAGES_PROMPT.maxTokens + MESSAGE_OUTPUT_TOKENS * chunk.shown.length,
    })),
    userIndexes,
    long,
    ...(rendered.omitted > 0
      ? {
          warning: `truncated: ${rendered.omitted} of ${rendered.omitted + rendered.shown.length} messages left out of the conversation-level prompts (first and last kept within ${render.budgetTokens} tokens)`,
        }
      : {}),
  };
}

export interface Estimate {
  requests: number;
  inputTokens: number;
  outputTokens: number;
}

/** Expected answer sizes: the JSON keys plus, for the conversation group, a summary when affective. */
const OUTPUT_TOKENS = { conversation: 70, long: 25, assistant: 75, messages: 8 };
/** Per-request overhead of the chat format (role markers, message framing). */
const FRAMING_TOKENS = 12;

export function estimateRequests(requests: RequestPlan): Estimate {
  const system = (prompt: { system: string }) => estimateTokens(prompt.system) + FRAMING_TOKENS;
  let inputTokens = system(CONVERSATION_PROMPT) + estimateTokens(requests.conversation);
  let outputTokens = OUTPUT_TOKENS.conversation + (requests.long ? OUTPUT_TOKENS.long : 0);
  let count = 1;
  if (requests.assistant !== null) {
    count += 1;
    inputTokens += system(ASSISTANT_PROMPT) + estimateTokens(requests.assistant);
    outputTokens += OUTPUT_TOKENS.assistant;
  }
  for (const chunk of requests.messages) {
    count += 1;
    inputTokens += system(MESSAGES_PROMPT) + estimateTokens(chunk.content);
    outputTokens += OUTPUT_TOKENS.messages + MESSAGE_OUTPUT_TOKENS * chunk.indexes.length;
  }
  return { requests: count, inputTokens, outputTokens };
}
