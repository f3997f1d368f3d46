/**
 * Shared by the dataset importers (openai-messages, sharegpt, wildchat): an array of turn objects
 * → ImportedMessage[], plus the small record helpers they all need (ids, participant, safe meta,
 * key sniffing, choosing JSON array vs JSON Lines).
 * Turns are kept in the order given; a turn of the wrong type skips the whole conversation
 * (a silently dropped turn would make the user-message count wrong).
 */
import type { ImportedConversation, ImportedMessage } from '../model.ts';
import type { ImportOptions, ImportRecord, Position } from './importer.ts';
import { isRecord, normalizeRole, stringField, textFromContent, toIsoTimestamp } from './normalize.ts';
import {
  type ElementMapper,
  type ElementResult,
  type ElementWarning,
  readJsonArrayRecords,
  readJsonLineRecords,
} from './record-readers.ts';
import { readHead, type SourceFile } from './source-files.ts';

export interface TurnFields {
  /** Keys that may name the speaker, first present wins (role, from, speaker…). */
  roleKeys: readonly string[];
  /** Keys that may hold the text: a string or an array of content parts. */
  textKeys: readonly string[];
  /** Per-turn labels that are not text (ESConv strategy, WildChat language), copied into message meta. */
  metaKeys?: readonly string[];
}

export interface MappedTurns {
  messages: ImportedMessage[];
  warnings: ElementWarning[];
  /** Conversation-level counts: non-text parts by type, empty turns, tool calls without text. */
  counts: { nonTextContent: Record<string, number>; emptyMessages: number; toolCalls: number };
}

const TIMESTAMP_KEYS = ['timestamp', 'created_at', 'create_time', 'time'] as const;
/** Longest role name echoed into a warning, so a text pasted into a role field cannot leak whole. */
const MAX_ROLE_ECHO = 40;

const firstPresentKey = (turn: Record<string, unknown>, keys: readonly string[]) => keys.find((key) => turn[key] !== undefined);

/** Maps turn objects to messages, or returns why the conversation cannot be imported. */
export function mapTurns(turns: unknown, fields: TurnFields, arrayName: string): MappedTurns | string {
  if (!Array.isArray(turns)) return `${arrayName} is not an array`;
  const mapped: MappedTurns = { messages: [], warnings: [], counts: { nonTextContent: {}, emptyMessages: 0, toolCalls: 0 } };
  for (const [index, turn] of turns.entries()) {
    if (!isRecord(turn)) return `${arrayName}[${index}] is not an object`;
    const roleKey = firstPresentKey(turn, fields.roleKeys);
    if (roleKey === undefined) return `${arrayName}[${index}] has no ${fields.roleKeys.join('/')} field`;
    const textKey = firstPresentKey(turn, fields.textKeys);
    const rawText = textKey === undefined ? null : turn[textKey];
    if (rawText === null && (turn.tool_calls !== undefined || turn.function_call !== undefined)) {
      mapped.counts.toolCalls += 1; // an assistant turn that only calls a tool: nothing a person read
      continue;
    }
    const content = rawText === null ? { text: '', nonText: [] } : textFromContent(rawText);
    if (content === undefined) return `${arrayName}[${index}].${textKey} is neither text nor a list of content parts`;
    const rawRole = turn[roleKey];
    let role = normalizeRole(rawRole);
    const meta: Record<string, unknown> = {};
    if (role === undefined) {
      const shown = String(rawRole).slice(0, MAX_ROLE_ECHO);
      mapped.warnings.push({ code: 'unknown-role', reason: `unknown role "${shown}" in ${arrayName}[${index}] kept as system` });
      meta.sourceRole = shown;
      role = 'system';
    }
    for (const part of content.nonText) increment(mapped.counts.nonTextContent, part);
    if (content.nonText.length > 0) meta.attachments = content.nonText;
    if (content.text === '' && content.nonText.length === 0) mapped.counts.emptyMessages += 1;
    Object.assign(meta, categoricalMeta(turn, fields.metaKeys ?? []));
    const timestampKey = firstPresentKey(turn, TIMESTAMP_KEYS);
    const createdAt = timestampKey === undefined ? undefined : toIsoTimestamp(turn[timestampKey]);
    const model = typeof turn.model === 'string' && turn.model !== '' ? turn.model : undefined;
    mapped.messages.push({
      role,
      text: content.text,
      ...(createdAt === undefined ? {} : { createdAt }),
      ...(model === undefined ? {} : { model }),
      ...(Object.keys(meta).length === 0 ? {} : { meta }),
    });
  }
  return mapped;
}

function increment(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/** The first non-empty string (or numeric) field among `keys`. */
export function firstStringField(record: Record<string, unknown>, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = stringField(record[key]);
    if (value !== undefined && value !== '') return value;
  }
  return undefined;
}

/** Where chat datasets usually keep the person's id. */
export const PARTICIPANT_KEYS = ['user', 'user_id', 'participant', 'participant_id'] as const;

export const CONVERSATION_ID_KEYS = ['id', 'conversation_id', 'conversation_hash', 'uuid'] as const;

/**
 * The record's own id, echoed unchanged; else where it sits: `<file>:<line>` for JSON Lines,
 * `<file>:<element index>` for a JSON array.
 */
export function conversationIdFor(record: Record<string, unknown>, fallback: string): string {
  return firstStringField(record, CONVERSATION_ID_KEYS) ?? fallback;
}

/** Longest string copied into meta: labels like "job crisis" pass, free text does not. */
const MAX_LABEL_CHARS = 64;

/**
 * Copies only the named keys, and only labels: booleans, finite numbers, short single-line strings,
 * and flat objects of those (ESConv survey_score). Never free text — meta is stored outside messages.
 */
export function categoricalMeta(record: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const meta: Record<string, unknown> = {};
  for (const key of keys) {
    const value = labelValue(record[key], 2);
    if (value !== undefined) meta[key] = value;
  }
  return meta;
}

function labelValue(value: unknown, depth: number): unknown {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string') return value.length <= MAX_LABEL_CHARS && !/[\n\r]/.test(value) ? value : undefined;
  if (isRecord(value) && depth > 0) {
    const nested: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      const label = labelValue(inner, depth - 1);
      if (label !== undefined) nested[key] = label;
    }
    return Object.keys(nested).length === 0 ? undefined : nested;
  }
  return undefined;
}

/** `"key":` outside a JSON string (a quote escaped inside a string is preceded by a backslash). */
export const hasKey = (head: string, key: string) => new RegExp(`(?<!\\\\)"${key}"\\s*:`).test(head);

/** A head that opens like a JSON array or a JSON Lines object. */
export function startsLikeJson(head: string): boolean {
  const start = head.trimStart();
  return start.startsWith('[') || start.startsWith('{');
}

/** Keys that mark exports other importers own: ChatGPT, Claude, Character.AI (dumps and newer turn lists). */
const FOREIGN_KEYS = ['mapping', 'chat_messages', 'histories', 'msgs', 'is_human', 'src_char', 'candidates', 'turn_key'];
export const hasForeignKeys = (head: string) => FOREIGN_KEYS.some((key) => hasKey(head, key));

/** A conversation built from mapped turns, with the counts every dataset importer reports. */
export function conversationFromTurns(
  id: string,
  turns: MappedTurns,
  extra: { participantId?: string; title?: string; createdAt?: string; meta?: Record<string, unknown> } = {},
): ElementResult {
  const conversation: ImportedConversation = { id, messages: turns.messages, meta: { ...turns.counts, ...extra.meta } };
  if (extra.participantId !== undefined) conversation.participantId = extra.participantId;
  if (extra.title !== undefined && extra.title !== '') conversation.title = extra.title;
  if (extra.createdAt !== undefined) conversation.createdAt = extra.createdAt;
  return { conversation, warnings: turns.warnings };
}

/** What a dataset importer maps: one parsed record plus the fallback id for where it sits. */
export type DatasetRecordMapper = (value: unknown, fallbackId: string) => ElementResult | ElementResult[];

/**
 * Reads a dataset file as a JSON array when its first non-space character is `[`, else as JSON Lines.
 * Array elements are numbered in the order they parse; after a damaged element the numbering
 * continues with the next readable one (so fallback ids shift only in damaged files).
 */
export async function* readDatasetRecords(
  file: SourceFile,
  options: ImportOptions,
  spec: { accept(value: unknown): boolean; map: DatasetRecordMapper },
): AsyncGenerator<ImportRecord> {
  const head = (await readHead(file, 1024)).toString('utf8').replace(/^\uFEFF/, '');
  if (head.trimStart().startsWith('[')) {
    let elementIndex = 0;
    yield* readJsonArrayRecords(file, options, {
      accept: spec.accept,
      idHint: (headText) => /"(?:id|conversation_id|conversation_hash|uuid)"\s*:\s*"([^"\\]{1,200})"/.exec(headText)?.[1],
      map: (value) => spec.map(value, `${file.displayPath}:${elementIndex++}`),
    });
    return;
  }
  const mapLine: ElementMapper = (value, position: Position) => spec.map(value, `${file.displayPath}:${position.line}`);
  yield* readJsonLineRecords(file, options, mapLine);
}
