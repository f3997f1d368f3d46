/**
 * The shared vocabulary: one canonical Conversation, whatever export it came from.
 * Every importer produces `ImportedConversation`; `finalizeConversation` (ingest) turns it into
 * a validated `Conversation` with a stable store key and a pseudonymous participant.
 */
import { z } from 'zod';

export const ROLES = ['user', 'assistant', 'system', 'tool'] as const;
export type Role = (typeof ROLES)[number];

export const SOURCE_FORMATS = [
  'chatgpt',
  'claude',
  'character-ai',
  'sillytavern',
  'sharegpt',
  'openai-messages',
  'wildchat',
  'transcript',
  'csv',
] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** ISO-8601 timestamp in UTC, e.g. 2023-06-12T10:00:00.000Z. */
const isoTimestamp = z.iso.datetime({ offset: true });

export const MessageSchema = z.object({
  index: z.number().int().nonnegative(),
  role: z.enum(ROLES),
  text: z.string(),
  createdAt: isoTimestamp.optional(),
  model: z.string().optional(),
  /** Per-message notes: non-text parts, a role the source named differently, a placeholder. */
  meta: z.record(z.string(), z.unknown()).optional(),
});
export type Message = z.infer<typeof MessageSchema>;

export const ConversationSchema = z.object({
  /** The source's own id, echoed unchanged in every output. */
  id: z.string().min(1),
  /** sha256(source + '\0' + id): the store's key, the same on every run. */
  key: z.string().regex(/^[0-9a-f]{64}$/),
  source: z.enum(SOURCE_FORMATS),
  /** Keyed hash (HMAC-SHA256) of the account / user id; never the raw id. */
  participant: z.string().regex(/^[0-9a-f]{16,64}$/),
  title: z.string().optional(),
  createdAt: isoTimestamp.optional(),
  messages: z.array(MessageSchema),
  /** Where the conversation was read: for error messages and the quarantine list. */
  origin: z.object({
    file: z.string(),
    byteOffset: z.number().int().nonnegative().optional(),
    line: z.number().int().positive().optional(),
  }),
  meta: z.record(z.string(), z.unknown()),
});
export type Conversation = z.infer<typeof ConversationSchema>;

/** What an importer yields before the ingest stage assigns key and participant. */
export interface ImportedMessage {
  role: Role;
  text: string;
  createdAt?: string;
  model?: string;
  meta?: Record<string, unknown>;
}

export interface ImportedConversation {
  id: string;
  title?: string;
  createdAt?: string;
  /** The source's raw account / user / participant id, if the export carries one. Hashed later. */
  participantId?: string;
  messages: ImportedMessage[];
  meta?: Record<string, unknown>;
}

export function userMessages(conversation: Pick<Conversation, 'messages'>): Message[] {
  return conversation.messages.filter((message) => message.role === 'user');
}
