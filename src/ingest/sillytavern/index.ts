/**
 * SillyTavern chat files (data/<user>/chats/<character>/*.jsonl): line 1 is a header
 * {user_name, character_name, create_date, chat_metadata}, every further line one message
 * {name, is_user, is_system?, send_date, mes, swipes?, swipe_id?, extra?}. One file = one
 * conversation, so lines are read here (not with readJsonLineRecords): a bad line skips that message
 * with a warning naming its line, the file still imports. Only the chosen swipe (`mes`) is kept.
 * The user's own name is never copied (it is personal); the character's name becomes the title.
 */
import type { ImportedConversation, ImportedMessage } from '../../model.ts';
import { type Importer, type ImportIssue, type ImportOptions, type ImportRecord, issue } from '../importer.ts';
import { describeJsonError } from '../json-error.ts';
import { isRecord } from '../normalize.ts';
import { readLines } from '../read-lines.ts';
import type { SourceFile } from '../source-files.ts';
import { hasKey } from '../turns.ts';
import { parseSillyTavernDate } from './parse-send-date.ts';

/** JSON.parse messages quote the start of the bad text ("Unexpected token 'h', "my secret"..."); drop it. */

const isHeader = (value: Record<string, unknown>) =>
  value.mes === undefined && ('character_name' in value || 'user_name' in value || 'chat_metadata' in value);

/** Attachments a message may carry in `extra`: counted, never read. */
const ATTACHMENT_KEYS = ['image', 'file', 'video', 'audio'] as const;

interface ChatState {
  header?: Record<string, unknown>;
  messages: ImportedMessage[];
  warnings: ImportIssue[];
  alternativeSwipes: number;
  hiddenMessages: number;
}

/** One message line → a message, or why it was skipped. */
function mapMessageLine(value: Record<string, unknown>, state: ChatState): ImportedMessage | string {
  if (typeof value.mes !== 'string') return 'message has no text field "mes"';
  const extra = isRecord(value.extra) ? value.extra : {};
  const characterName = state.header?.character_name;
  const meta: Record<string, unknown> = {};
  let role: ImportedMessage['role'];
  if (value.is_user === true) role = 'user';
  else if (value.is_system === true && extra.type === undefined && characterName !== undefined && value.name === characterName) {
    // A character reply the user hid from the prompt (the "ghost" toggle sets is_system): still the character speaking.
    role = 'assistant';
  } else role = value.is_system === true ? 'system' : 'assistant';
  if (value.is_system === true && role !== 'system') {
    meta.hiddenFromPrompt = true;
    state.hiddenMessages += 1;
  }
  if (typeof extra.type === 'string') meta.sourceType = extra.type; // narrator, comment, …
  if (Array.isArray(value.swipes) && value.swipes.length > 1) {
    meta.alternativeSwipes = value.swipes.length - 1;
    state.alternativeSwipes += value.swipes.length - 1;
  }
  const attachments = ATTACHMENT_KEYS.filter((key) => extra[key] !== undefined && extra[key] !== null && extra[key] !== '');
  if (attachments.length > 0) meta.attachments = attachments;
  const createdAt = parseSillyTavernDate(value.send_date);
  const model = typeof extra.model === 'string' && extra.model !== '' && role === 'assistant' ? extra.model : undefined;
  return {
    role,
    text: value.mes,
    ...(createdAt === undefined ? {} : { createdAt }),
    ...(model === undefined ? {} : { model }),
    ...(Object.keys(meta).length === 0 ? {} : { meta }),
  };
}

async function* readSillyTavernChat(file: SourceFile, options: ImportOptions): AsyncGenerator<ImportRecord> {
  const state: ChatState = { messages: [], warnings: [], alternativeSwipes: 0, hiddenMessages: 0 };
  let totalBytes = 0;
  let firstLine = true;
  const stream = await file.open();
  try {
    for await (const item of readLines(stream, options.maxRecordBytes)) {
      const position = { byteOffset: item.byteOffset, line: item.line };
      totalBytes += item.kind === 'too-long' ? item.bytes : Buffer.byteLength(item.text);
      if (totalBytes > options.maxRecordBytes) {
        const reason = `chat exceeds the limit of ${options.maxRecordBytes} bytes at line ${item.line}`;
        yield { kind: 'issue', issue: issue(file, 'element-too-large', 'skipped', reason, { byteOffset: 0, line: 1 }) };
        return;
      }
      if (item.kind === 'too-long' || item.text.trim() === '') continue;
      if (item.invalidUtf8) {
        state.warnings.push(issue(file, 'invalid-utf8', 'warning', 'invalid UTF-8 bytes were replaced with U+FFFD', position));
      }
      let value: unknown;
      try {
        value = JSON.parse(item.text);
      } catch (error) {
        const reason = `invalid JSON: ${describeJsonError(error)} (message skipped)`;
        state.warnings.push(issue(file, 'invalid-json', 'warning', reason, position));
        firstLine = false;
        continue;
      }
      if (isRecord(value) && firstLine && isHeader(value)) state.header = value;
      else if (!isRecord(value)) {
        state.warnings.push(issue(file, 'wrong-shape', 'warning', 'line is not a JSON object (message skipped)', position));
      } else {
        const mapped = mapMessageLine(value, state);
        if (typeof mapped === 'string') {
          state.warnings.push(issue(file, 'wrong-shape', 'warning', `${mapped} (message skipped)`, position));
        } else state.messages.push(mapped);
      }
      firstLine = false;
    }
  } finally {
    stream.destroy();
  }
  yield chatRecord(file, state);
}

/** `<character_name>:<create_date>` as SillyTavern itself tells chats apart; else the file's name. */
function chatId(file: SourceFile, header: Record<string, unknown> | undefined): string {
  const character = typeof header?.character_name === 'string' ? header.character_name : '';
  const created =
    typeof header?.create_date === 'string' || typeof header?.create_date === 'number' ? String(header.create_date) : '';
  return character !== '' && created !== '' ? `${character}:${created}` : file.name;
}

function chatRecord(file: SourceFile, state: ChatState): ImportRecord {
  const id = chatId(file, state.header);
  const conversation: ImportedConversation = {
    id,
    messages: state.messages,
    meta: {
      alternativeSwipes: state.alternativeSwipes,
      hiddenMessages: state.hiddenMessages,
      skippedLines: state.warnings.filter((warning) => / \(message skipped\)$/.test(warning.reason)).length,
      header: state.header !== undefined,
    },
  };
  const character = state.header?.character_name;
  if (typeof character === 'string' && character !== '') conversation.title = character;
  const createdAt = parseSillyTavernDate(state.header?.create_date) ?? state.messages.find((m) => m.createdAt)?.createdAt;
  if (createdAt !== undefined) conversation.createdAt = createdAt;
  const warnings = state.warnings.map((warning) => ({ ...warning, conversationId: id }));
  return { kind: 'conversation', conversation, position: { byteOffset: 0, line: 1 }, warnings };
}

export const sillytavernImporter: Importer = {
  id: 'sillytavern',
  description: 'SillyTavern chat file (.jsonl: a header line, then one message per line; one file = one chat)',
  participantScope: 'file',
  /** The header's user_name + character_name, or message lines with is_user + mes (headerless group chats). */
  detect({ name, head }) {
    if (!head.trimStart().startsWith('{')) return 0;
    const firstLine = head.trimStart().split('\n', 1)[0] ?? '';
    const header = hasKey(firstLine, 'character_name') && (hasKey(firstLine, 'user_name') || hasKey(firstLine, 'chat_metadata'));
    const messageLines = hasKey(head, 'is_user') && hasKey(head, 'mes');
    if (header) return messageLines || name.toLowerCase().endsWith('.jsonl') ? 0.95 : 0.8;
    return messageLines && hasKey(head, 'send_date') ? 0.8 : 0;
  },
  read: readSillyTavernChat,
};
