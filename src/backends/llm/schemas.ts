/**
 * The answers the prompts ask for, as zod schemas. The checks that depend on the conversation
 * (which indexes exist, whether the long-conversation thirds are required) are refinements built
 * per request, so that a wrong index is a validation error that gets a repair turn.
 */
import { z } from 'zod';
import { AFFECTIVE_TYPES, ASSISTANT_CUES, CRISIS_LEVELS, SENTIMENT_SCALE } from '../../facets/definitions.ts';

const affectiveList = z.array(z.enum(AFFECTIVE_TYPES)).transform((types) => AFFECTIVE_TYPES.filter((t) => types.includes(t)));

export function conversationAnswer(long: boolean) {
  return z
    .object({
      content_creation: z.boolean(),
      affective: affectiveList,
      crisis: z.enum(CRISIS_LEVELS),
      anthropomorphism: z.boolean(),
      summary: z.string().max(600).nullable(),
      affective_first_third: affectiveList.optional(),
      affective_last_third: affectiveList.optional(),
    })
    .superRefine((answer, context) => {
      if (long && (!answer.affective_first_third || !answer.affective_last_third)) {
        context.addIssue({ code: 'custom', message: 'affective_first_third and affective_last_third are required' });
      }
    });
}
export type ConversationAnswer = z.infer<ReturnType<typeof conversationAnswer>>;

export function assistantAnswer(assistantIndexes: readonly number[]) {
  const cues = Object.fromEntries(ASSISTANT_CUES.map((cue) => [cue, z.boolean()])) as Record<
    (typeof ASSISTANT_CUES)[number],
    z.ZodBoolean
  >;
  return z
    .object({ pushback: z.boolean(), pushback_at: z.number().int().nullable(), assistant: z.object(cues) })
    .superRefine((answer, context) => {
      if (answer.pushback_at !== null && !assistantIndexes.includes(answer.pushback_at)) {
        context.addIssue({ code: 'custom', path: ['pushback_at'], message: 'is not the index of an assistant message shown' });
      }
      if (answer.pushback && answer.pushback_at === null) {
        context.addIssue({ code: 'custom', path: ['pushback_at'], message: 'is required when pushback is true' });
      }
    });
}
export type AssistantAnswer = z.infer<ReturnType<typeof assistantAnswer>>;

export function messagesAnswer(indexes: readonly number[]) {
  return z
    .object({
      messages: z.array(
        z.object({
          index: z.number().int(),
          sentiment: z.literal(SENTIMENT_SCALE),
          emotional_disclosure: z.boolean(),
          informational_disclosure: z.boolean(),
        }),
      ),
    })
    .superRefine((answer, context) => {
      const got = answer.messages.map((message) => message.index);
      if (got.length !== indexes.length || got.some((index, i) => index !== indexes[i])) {
        context.addIssue({ code: 'custom', path: ['messages'], message: `must have one entry per index ${indexes.join(', ')}` });
      }
    });
}
export type MessagesAnswer = z.infer<ReturnType<typeof messagesAnswer>>;

/** The JSON object in an answer (tolerates a code fence or text around it). */
export function extractJson(text: string): unknown {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end <= start) throw new SyntaxError('no JSON object in the answer');
  return JSON.parse(text.slice(start, end + 1));
}

/** A validation error as one line of paths and messages (no values, so no conversation text). */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}
