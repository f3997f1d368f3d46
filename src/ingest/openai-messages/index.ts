/**
 * OpenAI chat "messages" records — fine-tuning / eval JSON Lines and most chat datasets re-shaped
 * into that form: `{id?, messages:[{role, content}]}`, content a string or a list of parts.
 * Image and other non-text parts are counted in message meta, never turned into text.
 * The id is echoed unchanged (evaluation labels join on it); without one, the record's place is its id.
 */
import type { Importer } from '../importer.ts';
import { isRecord, toIsoTimestamp } from '../normalize.ts';
import type { ElementResult } from '../record-readers.ts';
import {
  categoricalMeta,
  conversationFromTurns,
  conversationIdFor,
  firstStringField,
  hasForeignKeys,
  hasKey,
  mapTurns,
  PARTICIPANT_KEYS,
  readDatasetRecords,
  startsLikeJson,
  type TurnFields,
} from '../turns.ts';

const MESSAGE_FIELDS: TurnFields = { roleKeys: ['role'], textKeys: ['content'] };
/** Labels worth keeping; free-text fields (prompts, notes) are never copied. */
const META_KEYS = ['source', 'model', 'language', 'turn', 'toxic', 'redacted'] as const;

export function mapOpenaiMessagesRecord(value: unknown, fallbackId: string): ElementResult {
  if (!isRecord(value)) return { skip: 'wrong-shape', reason: 'record is not an object' };
  const id = conversationIdFor(value, fallbackId);
  const turns = mapTurns(value.messages, MESSAGE_FIELDS, 'messages');
  if (typeof turns === 'string') return { skip: 'wrong-shape', reason: turns, conversationId: id };
  const participantId = firstStringField(value, PARTICIPANT_KEYS);
  const title = typeof value.title === 'string' ? value.title : undefined;
  const createdAt = toIsoTimestamp(value.created_at ?? value.timestamp ?? value.create_time);
  return conversationFromTurns(id, turns, {
    participantId,
    title,
    createdAt,
    meta: categoricalMeta(value, META_KEYS),
  });
}

export const openaiMessagesImporter: Importer = {
  id: 'openai-messages',
  description: 'OpenAI-style chat records {id?, messages:[{role, content}]}, as JSON Lines or a JSON array',
  participantScope: 'conversation',
  /**
   * `"messages"` with role/content turns. The turn array's key decides the format: a record with
   * `messages` and a WildChat `conversation_hash` is read here (the hash becomes the id); WildChat
   * proper keeps its turns under `conversation`. SillyTavern lines (is_user + mes) are not ours.
   */
  detect({ head }) {
    if (!startsLikeJson(head)) return 0;
    if (!hasKey(head, 'messages') || hasForeignKeys(head)) return 0;
    if (hasKey(head, 'is_user') && hasKey(head, 'mes')) return 0;
    // Without role/content this is some other `messages` list (a Character.AI donation uses author/text).
    return hasKey(head, 'role') && hasKey(head, 'content') ? 0.85 : 0.2;
  },
  read(file, options) {
    return readDatasetRecords(file, options, {
      accept: (value) => isRecord(value) && Array.isArray(value.messages),
      map: mapOpenaiMessagesRecord,
    });
  },
};
