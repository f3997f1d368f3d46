/**
 * Turns what an importer read into a validated canonical Conversation: message indices, size
 * limits, empty checks, the stable store key and the pseudonymous participant.
 */
import { createHash } from 'node:crypto';
import { type Conversation, ConversationSchema, type ImportedConversation, type Message, type SourceFormat } from '../model.ts';
import { pseudonymize } from '../privacy/pseudonymize.ts';
import { checkConversation } from './conversation-check.ts';
import type { IssueCode, Position } from './importer.ts';

export interface FinalizeContext {
  source: SourceFormat;
  file: string;
  position: Position;
  participantKey: Buffer;
  /** One explicit participant for all input (e.g. a donation id given on the command line). */
  participantOverride?: string;
  /** Fallback when the record names no participant: the whole file, or each conversation alone. */
  participantScope: 'file' | 'conversation';
  maxMessageChars: number;
  /** Replaces personal data with typed placeholders; runs before anything is stored or classified. */
  redact?: (text: string) => { text: string; counts: Partial<Record<string, number>> };
}

export type FinalizeResult =
  | { conversation: Conversation; warnings: { code: IssueCode; reason: string }[] }
  | { skip: IssueCode; reason: string };

export function conversationKey(source: SourceFormat, id: string): string {
  return createHash('sha256').update(source).update('\0').update(id).digest('hex');
}

/** The last pseudonym computed: with a file-wide participant, every conversation of a file asks for the same one. */
let lastPseudonym: { key: Buffer; scope: string; rawId: string; value: string } | undefined;

function pseudonymFor(key: Buffer, scope: string, rawId: string): string {
  const last = lastPseudonym;
  if (last && last.scope === scope && last.rawId === rawId && last.key.equals(key)) return last.value;
  const value = pseudonymize(key, scope, rawId);
  // A copy of the key: a caller that changes its buffer in place must not get a stale pseudonym.
  lastPseudonym = { key: Buffer.from(key), scope, rawId, value };
  return value;
}

function participantFor(imported: ImportedConversation, context: FinalizeContext): { participant: string; from: string } {
  if (context.participantOverride !== undefined) {
    return { participant: pseudonymFor(context.participantKey, 'explicit', context.participantOverride), from: 'option' };
  }
  if (imported.participantId !== undefined && imported.participantId !== '') {
    return { participant: pseudonymFor(context.participantKey, context.source, imported.participantId), from: 'record' };
  }
  if (context.participantScope === 'file') {
    return { participant: pseudonymFor(context.participantKey, 'file', context.file), from: 'file' };
  }
  return {
    participant: pseudonymFor(context.participantKey, `conversation:${context.source}`, imported.id),
    from: 'conversation',
  };
}

export function finalizeConversation(imported: ImportedConversation, context: FinalizeContext): FinalizeResult {
  const warnings: { code: IssueCode; reason: string }[] = [];
  const messages: Message[] = [];
  const redactions: Record<string, number> = {};
  const redact = (text: string): string => {
    if (!context.redact) return text;
    const result = context.redact(text);
    for (const [type, count] of Object.entries(result.counts)) redactions[type] = (redactions[type] ?? 0) + (count ?? 0);
    return result.text;
  };
  for (const message of imported.messages) {
    let text = message.text;
    if (text.length > context.maxMessageChars) {
      warnings.push({
        code: 'message-truncated',
        reason: `message ${messages.length} has ${text.length} characters; kept the first ${context.maxMessageChars}`,
      });
      text = text.slice(0, context.maxMessageChars);
    }
    text = redact(text);
    // Keys in the schema's order, optional ones only when set (what the spread form wrote before).
    const out: Message = { index: messages.length, role: message.role, text };
    if (message.createdAt !== undefined) out.createdAt = message.createdAt;
    if (message.model !== undefined) out.model = message.model;
    if (message.meta !== undefined) out.meta = message.meta;
    messages.push(out);
  }
  // A placeholder (a message the donor did not share) is kept but is not content.
  if (!messages.some((message) => message.text.trim() !== '' && message.meta?.placeholder === undefined)) {
    return { skip: 'empty-conversation', reason: 'the conversation has no message with text' };
  }
  const { participant, from } = participantFor(imported, context);
  const candidate = {
    id: imported.id,
    key: conversationKey(context.source, imported.id),
    source: context.source,
    participant,
    ...(imported.title === undefined || imported.title === '' ? {} : { title: redact(imported.title) }),
    ...(imported.createdAt === undefined ? {} : { createdAt: imported.createdAt }),
    messages,
    origin: {
      file: context.file,
      ...(context.position.byteOffset === undefined ? {} : { byteOffset: context.position.byteOffset }),
      ...(context.position.line === undefined ? {} : { line: context.position.line }),
    },
    meta: {
      ...imported.meta,
      participantFrom: from,
      ...(context.redact ? { redactions } : {}),
    },
  };
  // The common case is checked without zod; zod decides (and words the reason) whenever the fast check is unsure.
  const checked = checkConversation(candidate);
  if (checked) return { conversation: checked, warnings };
  const parsed = ConversationSchema.safeParse(candidate);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { skip: 'wrong-shape', reason: `invalid conversation at ${first?.path.join('.') || '(root)'}: ${first?.message}` };
  }
  return { conversation: parsed.data, warnings };
}
