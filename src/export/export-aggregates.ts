/**
 * The study's aggregates as one long table — (section, cell, measure, value, conversations,
 * participants, suppressed) — written as CSV and Parquet for other tools. Built by walking the
 * summary: every object with `conversations` and `participants` counts is a cell, and each of its
 * numeric fields a measure. Suppressed cells keep their row with value null, so they are shown as
 * suppressed, never dropped. Contains numbers and category names only.
 */
import { writeFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

export interface AggregateRow {
  section: string;
  cell: string;
  measure: string;
  value: number | null;
  conversations: number;
  participants: number;
  suppressed: boolean;
}

const COUNT_FIELDS = new Set(['conversations', 'participants']);

function isCell(value: Record<string, unknown>): boolean {
  return typeof value.conversations === 'number' && typeof value.participants === 'number';
}

/** Every cell of the summary, flattened. */
export function aggregateRows(study: Record<string, unknown>): AggregateRow[] {
  const rows: AggregateRow[] = [];
  const visit = (value: unknown, section: string, path: string[]) => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        const name = item && typeof item === 'object' && 'id' in item ? String((item as { id: unknown }).id) : String(index);
        visit(item, section, [...path, name]);
      });
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (isCell(record)) {
      const suppressed = record.suppressed === true;
      const base = {
        section,
        cell: path.join('/'),
        conversations: record.conversations as number,
        participants: record.participants as number,
        suppressed,
      };
      for (const [measure, field] of Object.entries(record)) {
        if (COUNT_FIELDS.has(measure)) continue;
        if (typeof field === 'number' || (field === null && measure !== 'suppression_reason')) {
          rows.push({ ...base, measure, value: suppressed ? null : (field as number | null) });
        } else if (field && typeof field === 'object' && !Array.isArray(field)) {
          // An interval { estimate, low, high } becomes three measures.
          for (const [part, number] of Object.entries(field as Record<string, unknown>)) {
            if (typeof number === 'number' || number === null) {
              rows.push({ ...base, measure: `${measure}.${part}`, value: suppressed ? null : (number as number | null) });
            }
          }
        }
      }
    }
    for (const [key, child] of Object.entries(record)) {
      if (child && typeof child === 'object') visit(child, section, [...path, key]);
    }
  };
  for (const [section, content] of Object.entries(study)) visit(content, section, []);
  return rows;
}

const csvField = (value: unknown) => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function writeAggregatesCsv(rows: readonly AggregateRow[], file: string): void {
  const header = ['section', 'cell', 'measure', 'value', 'conversations', 'participants', 'suppressed'];
  const lines = rows.map((row) => header.map((name) => csvField(row[name as keyof AggregateRow])).join(','));
  writeFileSync(file, `${[header.join(','), ...lines].join('\n')}\n`);
}

export async function writeAggregatesParquet(rows: readonly AggregateRow[], file: string): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(
      `CREATE TABLE aggregates (section VARCHAR, cell VARCHAR, measure VARCHAR, value DOUBLE,
       conversations INTEGER, participants INTEGER, suppressed BOOLEAN)`,
    );
    const appender = await connection.createAppender('aggregates');
    for (const row of rows) {
      appender.appendVarchar(row.section);
      appender.appendVarchar(row.cell);
      appender.appendVarchar(row.measure);
      if (row.value === null || !Number.isFinite(row.value)) appender.appendNull();
      else appender.appendDouble(row.value);
      appender.appendInteger(row.conversations);
      appender.appendInteger(row.participants);
      appender.appendBoolean(row.suppressed);
      appender.endRow();
    }
    appender.closeSync();
    await connection.run(`COPY aggregates TO '${file.replace(/'/g, "''")}' (FORMAT parquet, COMPRESSION zstd)`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
