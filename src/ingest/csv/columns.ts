/**
 * Which CSV columns hold what, and which character separates them. Names given through
 * options.csvColumns win; otherwise the default name, then common aliases, all compared
 * case-insensitively, so exports from other tools load without any flag.
 */
import type { CsvColumns } from '../importer.ts';

export type ColumnKey = keyof CsvColumns;

export const DEFAULT_CSV_COLUMNS: CsvColumns = {
  conversationId: 'conversation_id',
  role: 'role',
  text: 'text',
  timestamp: 'timestamp',
  participant: 'participant',
};

const COLUMN_ALIASES: Record<ColumnKey, string[]> = {
  conversationId: ['conversation', 'chat_id', 'thread_id'],
  role: ['speaker', 'author', 'sender'],
  text: ['content', 'message', 'body'],
  timestamp: ['created_at', 'time', 'date'],
  participant: ['user_id', 'participant_id'],
};

export const REQUIRED_COLUMNS: readonly ColumnKey[] = ['conversationId', 'role', 'text'];
const OPTIONAL_COLUMNS: readonly ColumnKey[] = ['timestamp', 'participant'];

export type ColumnIndexes = Record<ColumnKey, number | undefined>;

export interface ColumnResolution {
  indexes: ColumnIndexes;
  /** Required columns that were not found, with the name that was looked for. */
  missing: { key: ColumnKey; lookedFor: string[] }[];
}

const normalizeName = (name: string) => name.trim().toLowerCase();

export function resolveColumns(header: readonly string[], configured: Partial<CsvColumns> = {}): ColumnResolution {
  const names = header.map(normalizeName);
  const indexes = {} as ColumnIndexes;
  const missing: ColumnResolution['missing'] = [];
  for (const key of [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS]) {
    const explicit = configured[key];
    // A configured name is the only candidate: falling back to an alias would hide a typo.
    const candidates = explicit === undefined ? [DEFAULT_CSV_COLUMNS[key], ...COLUMN_ALIASES[key]] : [explicit];
    const found = candidates.map((candidate) => names.indexOf(normalizeName(candidate))).find((index) => index !== -1);
    indexes[key] = found;
    if (found === undefined && REQUIRED_COLUMNS.includes(key)) missing.push({ key, lookedFor: candidates });
  }
  return { indexes, missing };
}

/** One clear sentence for a header without the required columns: what was found and how to map it. */
export function missingColumnsReason(header: readonly string[], missing: ColumnResolution['missing']): string {
  const found = header.map((name) => JSON.stringify(name.length > 60 ? `${name.slice(0, 60)}…` : name)).join(', ');
  const wanted = missing.map(({ key, lookedFor }) => `${key} (looked for ${lookedFor.join(' / ')})`).join('; ');
  const example = missing.map(({ key }) => `${key}=<column>`).join(',');
  return `CSV header lacks required column(s): ${wanted}. Columns found: ${found || '(none)'}. Map them with --csv-columns ${example}`;
}

const DELIMITERS = [',', '\t', ';', '|'] as const;

/** Counts each candidate delimiter outside quotes in the header line; the most frequent wins. */
export function sniffDelimiter(name: string, head: string): string {
  if (name.toLowerCase().endsWith('.tsv')) return '\t';
  const firstLine = head.replace(/^\uFEFF/, '').split('\n')[0] ?? '';
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of firstLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best = ',';
  for (const [delimiter, count] of counts) if (count > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}

/** The header line's column names, split cheaply (good enough for sniffing, not for data). */
export function headerNames(head: string, delimiter: string): string[] {
  const firstLine = (head.replace(/^\uFEFF/, '').split('\n')[0] ?? '').replace(/\r$/, '');
  return firstLine.split(delimiter).map((name) => name.trim().replace(/^"(.*)"$/, '$1'));
}
