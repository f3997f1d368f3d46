/**
 * What every loader shares: where ../shared/datasets is, reading its files, turning rows into
 * canonical Conversations (through the importers where one reads the file, else through the same
 * finalize step), licences, deterministic subsampling and de-duplication.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { finalizeConversation } from '../../ingest/finalize.ts';
import { DEFAULT_IMPORT_OPTIONS } from '../../ingest/importer.ts';
import { ingest } from '../../ingest/ingest.ts';
import type { Conversation, Role, SourceFormat } from '../../model.ts';
import type { Licence, Skipped } from '../types.ts';

/** ../shared/datasets beside the repository; AFFECTLENS_DATASETS overrides it. */
export const DEFAULT_DATASETS_ROOT = path.resolve(fileURLToPath(new URL('../../../../shared/datasets', import.meta.url)));

export function datasetsRoot(): string {
  return process.env.AFFECTLENS_DATASETS ?? DEFAULT_DATASETS_ROOT;
}

export interface LoadOptions {
  /** The datasets folder (../shared/datasets). */
  root: string;
  /** Subsample the largest conversation set (CPsyCounD) deterministically, for a faster run. */
  quick?: boolean;
}

/**
 * Licences per the datasets README: `trainable` sets may train shipped weights; every other set is
 * evaluation only (non-commercial, copyleft, no licence, or the project's decision).
 */
export const TRAINABLE_FOLDERS = new Set([
  'counsel-chat',
  'claff-offmychest',
  'goemotions',
  'xstest',
  'cpsycoun-zh',
  'cped-zh',
  'smilechat-sample',
  'emollm-roleplay-zh',
  'hh-rlhf-harmless',
  'export-format-samples',
]);

export function licenceOf(folder: string): Licence {
  return TRAINABLE_FOLDERS.has(folder) ? 'trainable' : 'eval-only';
}

/** `{skipped}` (one line) when the folder or one of the files is absent, else undefined. */
export function absent(root: string, folder: string, files: readonly string[] = []): Skipped | undefined {
  if (!existsSync(path.join(root, folder))) return { skipped: `${folder}: ${path.join(root, folder)} is absent, skipped` };
  const missing = files.find((file) => !existsSync(path.join(root, file)));
  return missing === undefined ? undefined : { skipped: `${folder}: ${missing} is absent, skipped` };
}

export function readText(root: string, relative: string): string {
  return readFileSync(path.join(root, relative), 'utf8').replace(/^\uFEFF/, '');
}

/** JSON Lines; lines that do not parse are counted, not thrown (a few source files have bad escapes). */
export function readJsonLines(root: string, relative: string): { records: unknown[]; bad: number } {
  const records: unknown[] = [];
  let bad = 0;
  for (const line of readText(root, relative).split('\n')) {
    if (line.trim() === '') continue;
    try {
      records.push(JSON.parse(line));
    } catch {
      bad += 1;
    }
  }
  return { records, bad };
}

export function readJson(root: string, relative: string): unknown {
  return JSON.parse(readText(root, relative));
}

/** RFC 4180 CSV with a header row → one record per row. */
export function readCsv(root: string, relative: string, delimiter = ','): Record<string, string>[] {
  return parse(readText(root, relative), {
    columns: true,
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
  }) as Record<string, string>[];
}

export const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

export const asString = (value: unknown): string => (typeof value === 'string' ? value : '');

/** A fixed key: pseudonyms in the evaluation are never stored or shown, they only need to be stable. */
const EVAL_PARTICIPANT_KEY = Buffer.alloc(32, 0x5a);

export interface Turn {
  role: Role;
  text: string;
}

/**
 * A canonical Conversation from turns a loader read itself (sets no importer reads: CSV rows with a
 * prompt and a completion, prompt lists), through the ingest stage's finalize step. Undefined when
 * no turn has text.
 */
export function buildConversation(
  id: string,
  turns: readonly Turn[],
  source: SourceFormat,
  file: string,
): Conversation | undefined {
  const result = finalizeConversation(
    { id, messages: turns.filter((turn) => turn.text.trim() !== '').map((turn) => ({ role: turn.role, text: turn.text })) },
    {
      source,
      file,
      position: {},
      participantKey: EVAL_PARTICIPANT_KEY,
      participantScope: 'conversation',
      maxMessageChars: DEFAULT_IMPORT_OPTIONS.maxMessageChars,
    },
  );
  return 'skip' in result ? undefined : result.conversation;
}

/** Every conversation the importers read from a file or folder (format auto-detected unless given). */
export async function ingestConversations(
  root: string,
  relative: string,
  format?: SourceFormat,
): Promise<{ conversations: Conversation[]; issues: number }> {
  const conversations: Conversation[] = [];
  let issues = 0;
  for await (const event of ingest([path.join(root, relative)], {
    participantKey: EVAL_PARTICIPANT_KEY,
    ...(format === undefined ? {} : { format }),
  })) {
    if (event.kind === 'conversation') conversations.push(event.conversation);
    else if (event.kind === 'issue' && event.issue.severity === 'skipped') issues += 1;
  }
  return { conversations, issues };
}

/** A stable number in [0, 1) for a key. */
export function stableHash(key: string): number {
  return createHash('sha1').update(key).digest().readUInt32BE(0) / 2 ** 32;
}

/**
 * At most `cap` items, chosen by a hash of their key (the same on every run and machine), in their
 * original order. No cap keeps everything.
 */
export function subsample<T>(items: readonly T[], cap: number | undefined, keyOf: (item: T, index: number) => string): T[] {
  if (cap === undefined || items.length <= cap) return [...items];
  const chosen = items
    .map((item, index) => ({ index, hash: stableHash(keyOf(item, index)) }))
    .sort((a, b) => a.hash - b.hash || a.index - b.index)
    .slice(0, cap)
    .map((entry) => entry.index)
    .sort((a, b) => a - b);
  return chosen.map((index) => items[index] as T);
}

/** Prompt text as compared when de-duplicating: case, spacing and surrounding blanks ignored. */
export function normalizePrompt(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Keeps the first item of each normalised text. */
export function dedupe<T>(
  items: readonly T[],
  textOf: (item: T) => string,
  seen = new Set<string>(),
): { items: T[]; removed: number } {
  const kept: T[] = [];
  for (const item of items) {
    const key = normalizePrompt(textOf(item));
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(item);
  }
  return { items: kept, removed: items.length - kept.length };
}

/** The user's words of a conversation, joined (the de-duplication key of multi-turn sets). */
export function userText(conversation: Conversation): string {
  return conversation.messages
    .filter((message) => message.role === 'user')
    .map((message) => message.text)
    .join('\n');
}

export const note = (...parts: (string | false | undefined)[]): string | undefined => {
  const kept = parts.filter((part): part is string => typeof part === 'string' && part !== '');
  return kept.length === 0 ? undefined : kept.join('; ');
};
