/**
 * The request content of each prompt group, from the redacted conversation. Long conversations are
 * cut to a token budget keeping the first and the last messages (the openings state the need, the
 * endings the outcome), with a marker where messages were left out; the caller reports a warning.
 * The messages group sends the user messages only, in chunks within the budget, so every user
 * message gets its own sentiment and disclosure labels however long the conversation is.
 */
import type { Conversation, Message } from '../../model.ts';
import { estimateTokens } from './tokens.ts';

export interface RenderOptions {
  /** Tokens of conversation text per request (default 6000). */
  budgetTokens: number;
  /** Characters of one message at most; longer ones keep their start and end (default 4000). */
  maxMessageChars: number;
}

export const DEFAULT_RENDER: RenderOptions = { budgetTokens: 6000, maxMessageChars: 4000 };

function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const half = Math.floor((max - 5) / 2);
  return `${text.slice(0, half)} […] ${text.slice(text.length - half)}`;
}

function line(message: Message, options: RenderOptions): string {
  return `[${message.index}] ${message.role}: ${clip(message.text.replace(/\s+/g, ' ').trim(), options.maxMessageChars)}`;
}

export interface Rendered {
  content: string;
  /** Indexes of the messages shown. */
  shown: Message[];
  omitted: number;
}

/** The user and assistant messages, the first and last ones within the budget. */
export function renderConversation(conversation: Conversation, options: RenderOptions = DEFAULT_RENDER): Rendered {
  const messages = conversation.messages.filter((message) => message.role === 'user' || message.role === 'assistant');
  const lines = messages.map((message) => line(message, options));
  const cost = lines.map(estimateTokens);
  const head: number[] = [];
  const tail: number[] = [];
  let used = 0;
  for (let front = 0, back = messages.length - 1, fromFront = true; front <= back; fromFront = !fromFront) {
    const at = fromFront ? front : back;
    if (used + (cost[at] as number) > options.budgetTokens && head.length + tail.length > 0) break;
    used += cost[at] as number;
    if (fromFront) head.push(front++);
    else tail.unshift(back--);
  }
  const omitted = messages.length - head.length - tail.length;
  const shownIndexes = [...head, ...(omitted > 0 ? [-1] : []), ...tail];
  const content = shownIndexes.map((at) => (at < 0 ? `[… ${omitted} messages left out …]` : (lines[at] as string))).join('\n');
  return { content, shown: [...head, ...tail].map((at) => messages[at] as Message), omitted };
}

/** The user messages in chunks of at most `budgetTokens` each. */
export function userMessageChunks(conversation: Conversation, options: RenderOptions = DEFAULT_RENDER): Rendered[] {
  const chunks: Rendered[] = [];
  let current: Message[] = [];
  let lines: string[] = [];
  let used = 0;
  const flush = () => {
    if (current.length > 0) chunks.push({ content: lines.join('\n'), shown: current, omitted: 0 });
    current = [];
    lines = [];
    used = 0;
  };
  for (const message of conversation.messages) {
    if (message.role !== 'user') continue;
    const text = line(message, options);
    const tokens = estimateTokens(text);
    if (used + tokens > options.budgetTokens) flush();
    current.push(message);
    lines.push(text);
    used += tokens;
  }
  flush();
  return chunks;
}
