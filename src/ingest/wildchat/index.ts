/**
 * WildChat / LMSYS-style rows (`conversation:[{role, content, timestamp?, language?…}]` with
 * conversation_hash, model, hashed_ip…) and the dialogue datasets built on the same idea under other
 * keys: `dialog` / `dialogue` / `turns` (ESConv, SMILECHAT, CPsyCounD) and InternLM-style
 * `conversation:[{system?, input, output}]` pairs (EmoLLM). Labels go to meta; free-text fields
 * (ESConv `situation`, survey answers, request headers) never leave the messages.
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
  readDatasetRecords,
  startsLikeJson,
  type TurnFields,
} from '../turns.ts';
import { hasPairTurns, pairsToTurns } from './pairs.ts';

const TURN_ARRAY_KEYS = ['conversation', 'dialog', 'dialogue', 'turns'] as const;
const TURN_FIELDS: TurnFields = {
  roleKeys: ['role', 'speaker', 'from', 'sender'],
  textKeys: ['content', 'text', 'value'],
  metaKeys: ['language', 'toxic', 'redacted', 'strategy', 'emotion'],
};
const PARTICIPANT_KEYS = ['hashed_ip', 'user_id', 'participant_id'] as const;
/** Conversation labels: WildChat / LMSYS (model, language, toxic…) and ESConv (emotion, problem, survey). */
const META_KEYS = [
  'source',
  'model',
  'language',
  'turn',
  'toxic',
  'redacted',
  'emotion_type',
  'problem_type',
  'experience_type',
  'survey_score',
] as const;

export function mapWildchatRecord(value: unknown, fallbackId: string): ElementResult {
  if (!isRecord(value)) return { skip: 'wrong-shape', reason: 'record is not an object' };
  const id = conversationIdFor(value, fallbackId);
  const arrayKey = TURN_ARRAY_KEYS.find((key) => Array.isArray(value[key]));
  if (arrayKey === undefined) {
    return { skip: 'wrong-shape', reason: `no ${TURN_ARRAY_KEYS.join(' / ')} array`, conversationId: id };
  }
  let rawTurns: unknown = value[arrayKey];
  if (hasPairTurns(rawTurns as unknown[])) {
    const converted = pairsToTurns(rawTurns as unknown[], arrayKey);
    if (typeof converted === 'string') return { skip: 'wrong-shape', reason: converted, conversationId: id };
    rawTurns = converted;
  }
  const turns = mapTurns(rawTurns, TURN_FIELDS, arrayKey);
  if (typeof turns === 'string') return { skip: 'wrong-shape', reason: turns, conversationId: id };
  // WildChat names the answering model once per row; the assistant turns carry it.
  const model = typeof value.model === 'string' && value.model !== '' ? value.model : undefined;
  if (model !== undefined) {
    for (const message of turns.messages) if (message.role === 'assistant' && message.model === undefined) message.model = model;
  }
  const participantId = firstStringField(value, PARTICIPANT_KEYS);
  const createdAt = toIsoTimestamp(value.timestamp ?? value.created_at);
  return conversationFromTurns(id, turns, {
    participantId,
    createdAt,
    meta: categoricalMeta(value, META_KEYS),
  });
}

const ROLE_KEY_PATTERN = ['role', 'speaker', 'from', 'sender'];
const TEXT_KEY_PATTERN = ['content', 'text', 'value'];
const hasAny = (head: string, keys: readonly string[]) => keys.some((key) => hasKey(head, key));

export const wildchatImporter: Importer = {
  id: 'wildchat',
  description:
    'WildChat / LMSYS rows and dialogue datasets (conversation / dialog / dialogue / turns arrays, input-output pairs)',
  participantScope: 'conversation',
  /**
   * Decided by the turn array's key: `conversation` (singular), `dialog`, `dialogue`, `turns`.
   * A record whose turns sit under `messages` is openai-messages even with a conversation_hash;
   * `conversations` (plural) is ShareGPT. `turns` alone is a common word, so it scores lower.
   */
  detect({ head }) {
    if (!startsLikeJson(head)) return 0;
    if (hasForeignKeys(head)) return 0;
    const turnShape = hasAny(head, ROLE_KEY_PATTERN) && hasAny(head, TEXT_KEY_PATTERN);
    const pairShape = hasKey(head, 'input') && hasKey(head, 'output');
    if (hasKey(head, 'conversation')) {
      if (hasKey(head, 'conversation_hash') && turnShape) return 0.95;
      return turnShape || pairShape ? 0.85 : 0.4;
    }
    if (hasKey(head, 'dialog') || hasKey(head, 'dialogue')) return turnShape ? 0.85 : 0.4;
    if (hasKey(head, 'turns')) return turnShape ? 0.6 : 0;
    return 0;
  },
  read(file, options) {
    return readDatasetRecords(file, options, {
      accept: (value) => isRecord(value) && TURN_ARRAY_KEYS.some((key) => Array.isArray(value[key])),
      map: mapWildchatRecord,
    });
  },
};
