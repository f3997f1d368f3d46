/**
 * The two ways importers read files — a JSON array (or single object) of conversations, and
 * JSON Lines — turned into ImportRecords, so each importer only maps one parsed element to an
 * ImportedConversation. Byte positions and damaged ranges are reported here, once, for all formats.
 */

import type { ImportedConversation } from '../model.ts';
import { type ImportIssue, type ImportOptions, type ImportRecord, type IssueCode, issue, type Position } from './importer.ts';
import { describeJsonError } from './json-error.ts';
import { readJsonArray } from './read-json-array.ts';
import { readLines } from './read-lines.ts';
import type { SourceFile } from './source-files.ts';

/** What an importer's mapping of one element gives back. */
export type ElementResult =
  | { conversation: ImportedConversation; warnings?: ElementWarning[] }
  | { skip: IssueCode; reason: string; conversationId?: string };

export interface ElementWarning {
  code: IssueCode;
  reason: string;
}

export type ElementMapper = (value: unknown, position: Position) => ElementResult | ElementResult[];

function toRecords(
  file: SourceFile,
  results: ElementResult | ElementResult[],
  position: Position,
  invalidUtf8: boolean,
): ImportRecord[] {
  const list = Array.isArray(results) ? results : [results];
  return list.map((result): ImportRecord => {
    if ('skip' in result) {
      return { kind: 'issue', issue: issue(file, result.skip, 'skipped', result.reason, position, result.conversationId) };
    }
    const warnings: ImportIssue[] = (result.warnings ?? []).map((warning) =>
      issue(file, warning.code, 'warning', warning.reason, position, result.conversation.id),
    );
    if (invalidUtf8) {
      warnings.push(
        issue(file, 'invalid-utf8', 'warning', 'invalid UTF-8 bytes were replaced with U+FFFD', position, result.conversation.id),
      );
    }
    return { kind: 'conversation', conversation: result.conversation, position, warnings };
  });
}

export interface JsonArrayReaderSpec {
  /** Cheap check that a parsed value is a conversation of this format (used to step over fragments when recovering). */
  accept(value: unknown): boolean;
  /** Finds a conversation id in the first bytes of a damaged element, so the issue can name it. */
  idHint?(headText: string): string | undefined;
  map: ElementMapper;
}

/** Reads a file holding a JSON array of conversations, or one conversation object. */
export async function* readJsonArrayRecords(
  file: SourceFile,
  options: ImportOptions,
  spec: JsonArrayReaderSpec,
): AsyncGenerator<ImportRecord> {
  const stream = await file.open();
  try {
    for await (const item of readJsonArray(stream, { maxElementBytes: options.maxRecordBytes, accept: spec.accept })) {
      if (item.kind === 'value') {
        const position = { byteOffset: item.start };
        let mapped: ElementResult | ElementResult[];
        try {
          mapped = spec.map(item.value, position);
        } catch (error) {
          // An importer bug on odd input must not end the run: the record is quarantined with the reason.
          mapped = { skip: 'wrong-shape', reason: `could not map this element: ${(error as Error).message}` };
        }
        yield* toRecords(file, mapped, position, item.invalidUtf8);
      } else {
        const id = item.headText && spec.idHint ? spec.idHint(item.headText) : undefined;
        const range = item.end > item.start ? `bytes ${item.start}–${item.end}` : `byte ${item.start}`;
        yield {
          kind: 'issue',
          issue: issue(
            file,
            item.code === 'not-json-container' ? 'invalid-json' : item.code,
            item.code === 'trailing-data' ? 'warning' : 'skipped',
            `${item.reason} (${range}${id ? '' : ', conversation id not recoverable'})`,
            { byteOffset: item.start, endOffset: item.end },
            id,
          ),
        };
      }
    }
  } finally {
    stream.destroy();
  }
}

/** Reads JSON Lines; blank lines are passed over, each bad line becomes one issue. */
export async function* readJsonLineRecords(
  file: SourceFile,
  options: ImportOptions,
  map: ElementMapper,
): AsyncGenerator<ImportRecord> {
  const stream = await file.open();
  try {
    for await (const item of readLines(stream, options.maxRecordBytes)) {
      const position = { byteOffset: item.byteOffset, line: item.line };
      if (item.kind === 'too-long') {
        yield {
          kind: 'issue',
          issue: issue(
            file,
            'element-too-large',
            'skipped',
            `line of ${item.bytes} bytes exceeds the limit of ${options.maxRecordBytes}`,
            position,
          ),
        };
        continue;
      }
      if (item.text.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(item.text);
      } catch (error) {
        yield {
          kind: 'issue',
          issue: issue(file, 'invalid-json', 'skipped', `invalid JSON: ${describeJsonError(error)}`, position),
        };
        continue;
      }
      let mapped: ElementResult | ElementResult[];
      try {
        mapped = map(value, position);
      } catch (error) {
        mapped = { skip: 'wrong-shape', reason: `could not map this line: ${(error as Error).message}` };
      }
      yield* toRecords(file, mapped, position, item.invalidUtf8);
    }
  } finally {
    stream.destroy();
  }
}
