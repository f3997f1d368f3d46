/**
 * Claude.ai "Export data" conversations.json: an array of conversations, each with a flat
 * `chat_messages` list (Claude has no branches in the export). The same export folder also holds
 * users.json, projects.json and memories.json, which are not conversations and are not detected.
 *
 * Why `content[]` and never `text` for the message text: in real exports the top-level `text` of
 * an assistant message is the thinking AND the reply run together. Only `content` blocks of type
 * 'text' were shown to the user as the reply; thinking, tool_use, tool_result (and any other block)
 * are counted in conversation meta. `text` is read only when `content` is absent or empty.
 */
import type { ImportedConversation, ImportedMessage } from '../../model.ts';
import type { Importer } from '../importer.ts';
import { isRecord, normalizeRole, stringField, textFromContent, toIsoTimestamp } from '../normalize.ts';
import { type ElementResult, type ElementWarning, readJsonArrayRecords } from '../record-readers.ts';

function increment(counts: Record<string, number>, key: string, by = 1): void {
  counts[key] = (counts[key] ?? 0) + by;
}

function countOf(value: unknown): number {
  return Array.isArray(value) ? value.length : 0;
}

/** The user-visible text of one message, and the types of blocks that were not text. */
function visibleText(message: Record<string, unknown>): { text: string; nonText: string[] } {
  const content = message.content;
  if (Array.isArray(content) && content.length > 0) {
    return textFromContent(content) ?? { text: '', nonText: [] };
  }
  return { text: typeof message.text === 'string' ? message.text : '', nonText: [] };
}

export function mapClaudeConversation(value: unknown): ElementResult {
  if (!isRecord(value)) return { skip: 'wrong-shape', reason: 'element is not an object' };
  const id = stringField(value.uuid);
  if (id === undefined) return { skip: 'wrong-shape', reason: 'conversation has no uuid' };
  if (!Array.isArray(value.chat_messages)) {
    return { skip: 'wrong-shape', reason: 'conversation has no chat_messages list', conversationId: id };
  }

  const messages: ImportedMessage[] = [];
  const warnings: ElementWarning[] = [];
  const nonTextContent: Record<string, number> = {};
  let emptyMessages = 0;
  let unreadableMessages = 0;
  let attachments = 0;
  let files = 0;
  value.chat_messages.forEach((message: unknown, position: number) => {
    if (!isRecord(message)) {
      unreadableMessages += 1;
      warnings.push({ code: 'wrong-shape', reason: `message ${position} is not an object; left out` });
      return;
    }
    const { text, nonText } = visibleText(message);
    for (const type of nonText) increment(nonTextContent, type);
    const attachmentCount = countOf(message.attachments);
    const fileCount = countOf(message.files);
    attachments += attachmentCount;
    files += fileCount;
    if (text.trim() === '') {
      emptyMessages += 1; // e.g. a turn that was only a tool call, or only an upload
      return;
    }
    const meta: Record<string, unknown> = {};
    // Attachments carry the uploaded document's extracted text: only how many there were is kept.
    if (attachmentCount > 0) meta.attachments = attachmentCount;
    if (fileCount > 0) meta.files = fileCount;
    let role = normalizeRole(message.sender);
    if (role === undefined) {
      warnings.push({ code: 'unknown-role', reason: `unknown sender "${String(message.sender)}" kept as system` });
      meta.sourceRole = String(message.sender);
      role = 'system';
    }
    const createdAt = toIsoTimestamp(message.created_at);
    messages.push({
      role,
      text,
      ...(createdAt === undefined ? {} : { createdAt }),
      ...(Object.keys(meta).length === 0 ? {} : { meta }),
    });
  });

  const conversation: ImportedConversation = {
    id,
    messages,
    meta: { nonTextContent, emptyMessages, unreadableMessages, attachments, files },
  };
  const title = stringField(value.name);
  if (title !== undefined && title !== '') conversation.title = title;
  const createdAt = toIsoTimestamp(value.created_at);
  if (createdAt !== undefined) conversation.createdAt = createdAt;
  const updatedAt = toIsoTimestamp(value.updated_at);
  if (updatedAt !== undefined && conversation.meta) conversation.meta.updatedAt = updatedAt;
  const accountId = isRecord(value.account) ? stringField(value.account.uuid) : undefined;
  if (accountId !== undefined && accountId !== '') conversation.participantId = accountId;
  return { conversation, warnings };
}

/** `"key":` outside a JSON string (a quote escaped inside a string is preceded by a backslash). */
const hasKey = (head: string, key: string) => new RegExp(`(?<!\\\\)"${key}"\\s*:`).test(head);

export const claudeImporter: Importer = {
  id: 'claude',
  description: 'Claude.ai data export conversations.json (chat_messages; only text blocks are kept, thinking is counted)',
  participantScope: 'file',
  detect({ name, head }) {
    const start = head.trimStart();
    if (!start.startsWith('[') && !start.startsWith('{')) return 0;
    if (!hasKey(head, 'chat_messages') || hasKey(head, 'mapping')) return 0;
    const claudeKeys = hasKey(head, 'uuid') && hasKey(head, 'sender');
    if (!claudeKeys) return 0.4; // the list may be empty in the first conversations
    return name.toLowerCase() === 'conversations.json' ? 0.95 : 0.9;
  },
  read(file, options) {
    return readJsonArrayRecords(file, options, {
      accept: (value) => isRecord(value) && 'chat_messages' in value,
      // The conversation's own uuid is its first key in real exports.
      idHint: (headText) => /^\s*\{\s*"uuid"\s*:\s*"([^"\\]{1,200})"/.exec(headText)?.[1],
      map: mapClaudeConversation,
    });
  },
};
