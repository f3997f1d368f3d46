/** Test conversations built the way import builds them: finalized with the built-in redactor. */
import { finalizeConversation } from '../../ingest/finalize.ts';
import type { Conversation } from '../../model.ts';
import { createRedactor } from '../../privacy/redact.ts';

export const PLANTED_EMAIL = 'jamie.planted.canary@example.org';

const redactor = createRedactor();

export function redactedConversation(id: string, userTexts: string[], assistantText = 'I hear you. Tell me more.'): Conversation {
  const result = finalizeConversation(
    {
      id,
      messages: userTexts.flatMap((text) => [
        { role: 'user' as const, text },
        { role: 'assistant' as const, text: assistantText },
      ]),
    },
    {
      source: 'openai-messages',
      file: 'test.jsonl',
      position: { line: 1 },
      participantKey: Buffer.alloc(32, 7),
      participantScope: 'conversation',
      maxMessageChars: 100_000,
      redact: (text) => redactor.redact(text),
    },
  );
  if (!('conversation' in result)) throw new Error(`test conversation ${id} skipped: ${result.reason}`);
  return result.conversation;
}

/** `count` conversations, every third one affective ("sad"), the first with a planted e-mail address. */
export function sampleConversations(count: number): Conversation[] {
  return Array.from({ length: count }, (_, i) =>
    redactedConversation(`c${i}`, [
      i === 0 ? `Please write to me at ${PLANTED_EMAIL} about the report.` : `Question number ${i} about sorting arrays.`,
      i % 3 === 0 ? 'Honestly I feel sad and alone lately.' : 'Thanks, that works.',
    ]),
  );
}
