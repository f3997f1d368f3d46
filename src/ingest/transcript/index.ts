/**
 * "Human: … Assistant: …" transcripts, as in Anthropic's hh-rlhf, in two containers:
 * - JSON Lines (or a JSON array) of records holding a transcript string. hh-rlhf records are
 *   {"chosen", "rejected"}: the conversation the dataset prefers (`chosen`) is imported, and meta
 *   only notes that `rejected` exists — its text would be a second, counterfactual conversation.
 *   A record with a `transcript` or `text` string is read the same way.
 * - Plain text files holding one or more transcripts (text-reader.ts has the rules).
 * The container is chosen by the file's first non-blank character: `{` or `[` is JSON, else text.
 */
import type { ImportedConversation } from '../../model.ts';
import type { Importer, Position } from '../importer.ts';
import { isRecord, stringField } from '../normalize.ts';
import { type ElementResult, type ElementWarning, readJsonArrayRecords, readJsonLineRecords } from '../record-readers.ts';
import { readHead, type SourceFile } from '../source-files.ts';
import { matchLineLabel, splitTranscript } from './labels.ts';
import { readTextTranscripts } from './text-reader.ts';

/** Fields that may hold the transcript, in order of preference. */
const TRANSCRIPT_FIELDS = ['chosen', 'transcript', 'text'] as const;

function transcriptField(value: Record<string, unknown>): (typeof TRANSCRIPT_FIELDS)[number] | undefined {
  return TRANSCRIPT_FIELDS.find((field) => typeof value[field] === 'string');
}

/** Maps one JSON record; `fallbackId` names it when the record has no `id`. */
export function mapTranscriptRecord(value: unknown, fallbackId: string): ElementResult {
  if (!isRecord(value)) return { skip: 'wrong-shape', reason: 'record is not an object' };
  const id = stringField(value.id) ?? fallbackId;
  const field = transcriptField(value);
  if (field === undefined) {
    return { skip: 'wrong-shape', reason: 'record has no "chosen", "transcript" or "text" string', conversationId: id };
  }
  const { turns, preambleChars, emptyTurns } = splitTranscript(value[field] as string);
  if (turns.length === 0) {
    return { skip: 'wrong-shape', reason: `"${field}" holds no Human:/Assistant: turn with text`, conversationId: id };
  }
  const warnings: ElementWarning[] = [];
  if (preambleChars > 0) {
    warnings.push({
      code: 'wrong-shape',
      reason: `${preambleChars} characters before the first Human:/Assistant: label were ignored`,
    });
  }
  const meta: Record<string, unknown> = { container: 'json', transcriptField: field, emptyTurns };
  if (typeof value.rejected === 'string') meta.rejectedExists = true; // never its text
  const conversation: ImportedConversation = { id, messages: turns, meta };
  const title = stringField(value.title);
  if (title !== undefined) conversation.title = title;
  return { conversation, warnings };
}

/** A key that belongs to another JSON chat format; the `"` must not be an escaped one inside a string. */
const OTHER_FORMAT_KEYS = /(?<!\\)"(messages|mapping|conversations|chat_messages|conversation)"\s*:/;
const TRANSCRIPT_VALUE = /(?<!\\)"(chosen|transcript)"\s*:\s*"(?:\\n|\\r|\s)*Human:/;
const TEXT_TRANSCRIPT_VALUE = /(?<!\\)"text"\s*:\s*"(?:\\n|\\r|\s)*Human:/;

function detectJson(head: string): number {
  if (OTHER_FORMAT_KEYS.test(head)) return 0;
  if (TRANSCRIPT_VALUE.test(head)) return 0.9;
  return TEXT_TRANSCRIPT_VALUE.test(head) ? 0.6 : 0;
}

/** Counts label lines among the complete lines of the head. */
function detectText(name: string, head: string): number {
  const lines = head.split('\n').slice(0, -1);
  let user = 0;
  let assistant = 0;
  let wordLabels = 0;
  for (const line of lines) {
    const label = matchLineLabel(line);
    if (label === undefined) continue;
    if (label.role === 'user') user += 1;
    else assistant += 1;
    if (label.label.length > 1) wordLabels += 1;
  }
  if (user === 0 || assistant === 0) return 0;
  const isTxt = name.toLowerCase().endsWith('.txt');
  if (wordLabels === 0) return isTxt ? 0.6 : 0.35; // only H:/A: — plausible, but weaker evidence
  return isTxt ? 0.8 : 0.5;
}

function firstCharacter(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .charAt(0);
}

export const transcriptImporter: Importer = {
  id: 'transcript',
  description: 'Human:/Assistant: transcripts (hh-rlhf JSON Lines with chosen/rejected, or plain-text transcripts)',
  participantScope: 'conversation',
  detect({ name, head }) {
    const first = firstCharacter(head);
    if (first === '{' || first === '[') return detectJson(head);
    return detectText(name, head);
  },
  async *read(file: SourceFile, options) {
    const first = firstCharacter(new TextDecoder('utf-8').decode(await readHead(file, 4096)));
    if (first === '[') {
      yield* readJsonArrayRecords(file, options, {
        accept: (value) => isRecord(value) && transcriptField(value) !== undefined,
        idHint: (headText) => /"id"\s*:\s*"([^"\\]{1,200})"/.exec(headText)?.[1],
        map: (value, position: Position) => mapTranscriptRecord(value, `${file.displayPath}@${position.byteOffset}`),
      });
    } else if (first === '{') {
      yield* readJsonLineRecords(file, options, (value, position) =>
        mapTranscriptRecord(value, `${file.displayPath}:${position.line}`),
      );
    } else {
      yield* readTextTranscripts(file, options);
    }
  },
};
