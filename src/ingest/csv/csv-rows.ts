/**
 * Streams CSV records out of csv-parse with their line numbers. The parser is fed chunk by
 * chunk and its records are taken from `on_record` rather than by iterating the stream: an
 * iterated stream throws its error first and loses the records parsed just before it, and
 * those rows must still be imported when the file breaks further on (e.g. an unclosed quote).
 */
import type { Readable } from 'node:stream';
import { type CsvError, parse } from 'csv-parse';

export interface CsvRow {
  fields: string[];
  /** 1-based line the record starts on (quoted newlines make records span lines). */
  line: number;
  /** 1-based record number, the header being record 1. */
  record: number;
}

const LINE_BREAK = /\r\n|\r|\n/g;

export type CsvItem = { kind: 'row'; row: CsvRow } | { kind: 'error'; reason: string; line: number };

function errorReason(error: Error, fromLine: number, maxRecordBytes: number): string {
  const code = (error as CsvError).code ?? 'unknown';
  // csv-parse's own messages can quote field content, so only its code is used here.
  if (code === 'CSV_QUOTE_NOT_CLOSED') return `a quoted field opened on or after line ${fromLine} is never closed`;
  if (code === 'CSV_MAX_RECORD_SIZE') {
    return `a CSV record starting on or after line ${fromLine} exceeds ${maxRecordBytes} bytes (often an unclosed quote)`;
  }
  const at = typeof (error as CsvError).lines === 'number' ? ` at line ${(error as CsvError).lines}` : '';
  return `CSV parse error ${code}${at}`;
}

export async function* readCsvRows(stream: Readable, delimiter: string, maxRecordBytes: number): AsyncGenerator<CsvItem> {
  const queue: CsvRow[] = [];
  // Lines are counted here, not taken from csv-parse's `lines`, which counts a quoted CRLF twice.
  let lastEndLine = 0;
  let emptyLinesSeen = 0;
  const parser = parse({
    delimiter,
    bom: true,
    relax_column_count: true, // short rows become missing fields, reported per row
    relax_quotes: true, // a stray quote inside an unquoted field is kept as a character
    skip_empty_lines: true,
    max_record_size: maxRecordBytes, // bounds the buffer an unclosed quote would fill
    on_record: (record: string[], context) => {
      const line = lastEndLine + 1 + (context.empty_lines - emptyLinesSeen);
      emptyLinesSeen = context.empty_lines;
      const breaksInside = record.reduce((sum, field) => sum + (field.match(LINE_BREAK)?.length ?? 0), 0);
      lastEndLine = line + breaksInside;
      queue.push({ fields: record, line, record: context.records });
      return null; // handed over through the queue, nothing goes to the stream's readable side
    },
  });
  let failure: Error | undefined;
  parser.on('error', (error: Error) => {
    failure ??= error;
  });
  const drain = function* (): Generator<CsvItem> {
    for (const row of queue.splice(0)) yield { kind: 'row', row };
  };
  try {
    for await (const chunk of stream) {
      await new Promise<void>((resolve) => parser.write(chunk, () => resolve()));
      yield* drain();
      if (failure) break;
    }
    if (!failure) {
      await new Promise<void>((resolve) => {
        parser.once('error', () => resolve());
        parser.once('finish', () => resolve());
        parser.end();
      });
    }
    yield* drain();
    if (failure) yield { kind: 'error', reason: errorReason(failure, lastEndLine + 1, maxRecordBytes), line: lastEndLine + 1 };
  } finally {
    parser.destroy();
    stream.destroy();
  }
}
