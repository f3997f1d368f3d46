/**
 * ShareGPT-style records: `{id?, conversations:[{from, value}]}` with from = human / gpt / system / ….
 * Turns keep the order given — sampled ShareGPT pieces often start mid-conversation with a gpt turn.
 * Per-turn labels (language, the enriched sample's expressive / anthropomorphic flags) go to message meta.
 */
import type { Importer } from '../importer.ts';
import { isRecord } from '../normalize.ts';
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

/** Per-turn labels of the enriched sample (language, expressive / anthropomorphic 0-1 labels): numbers and tags, not text. */
const TURN_FIELDS: TurnFields = {
  roleKeys: ['from', 'role'],
  textKeys: ['value', 'text', 'content'],
  metaKeys: ['language', 'expressive_label', 'anthropomorphic_label', 'expressive_speech_act'],
};
const META_KEYS = ['model', 'language', 'source'] as const;

export function mapSharegptRecord(value: unknown, fallbackId: string): ElementResult {
  if (!isRecord(value)) return { skip: 'wrong-shape', reason: 'record is not an object' };
  const id = conversationIdFor(value, fallbackId);
  const turns = mapTurns(value.conversations, TURN_FIELDS, 'conversations');
  if (typeof turns === 'string') return { skip: 'wrong-shape', reason: turns, conversationId: id };
  const participantId = firstStringField(value, PARTICIPANT_KEYS);
  const meta = categoricalMeta(value, META_KEYS);
  // Enriched samples carry per-conversation counts (turn_count, language_distribution): labels, not text.
  if (isRecord(value.conversation_metadata)) {
    Object.assign(meta, categoricalMeta(value.conversation_metadata, ['turn_count', 'total_tokens', 'language_distribution']));
  }
  return conversationFromTurns(id, turns, { participantId, meta });
}

export const sharegptImporter: Importer = {
  id: 'sharegpt',
  description: 'ShareGPT-style records {id?, conversations:[{from, value}]}, as JSON Lines or a JSON array',
  participantScope: 'conversation',
  /** `"conversations"` (plural) whose turns use from/value; WildChat's singular `conversation` is not ours. */
  detect({ head }) {
    if (!startsLikeJson(head)) return 0;
    if (!hasKey(head, 'conversations') || hasForeignKeys(head)) return 0;
    return hasKey(head, 'from') && hasKey(head, 'value') ? 0.9 : 0.4;
  },
  read(file, options) {
    return readDatasetRecords(file, options, {
      accept: (value) => isRecord(value) && Array.isArray(value.conversations),
      map: mapSharegptRecord,
    });
  },
};
