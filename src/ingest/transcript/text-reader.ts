/**
 * Plain-text transcripts, read line by line with at most one conversation in memory.
 *
 * Rules (see the importer's description and the tests):
 * - A turn starts at a speaker label at the very start of a line (labels.ts) and runs until the
 *   next label; blank lines inside a turn are kept, blank lines at its edges are trimmed.
 * - A conversation ends at a separator line (only `---` or `===`, three or more) whose next
 *   non-blank line starts with a label. A separator followed by other text is ordinary turn text
 *   (a Markdown rule inside an answer), and one at the end of the file is dropped. Blank lines
 *   never split conversations: without separators a file is one conversation.
 * - Text before the first label is counted in a warning, never kept as user text.
 * - A conversation over options.maxRecordBytes (or holding a line over it) is skipped with an
 *   issue; reading goes on.
 */
import type { ImportedMessage, Role } from '../../model.ts';
import { type ImportIssue, type ImportOptions, type ImportRecord, issue } from '../importer.ts';
import { type LineItem, readLines } from '../read-lines.ts';
import type { SourceFile } from '../source-files.ts';
import { isSeparatorLine, matchLineLabel } from './labels.ts';

interface OpenConversation {
  line: number;
  byteOffset: number;
  messages: ImportedMessage[];
  turn: { role: Role; lines: string[] };
  bytes: number;
  tooLarge: boolean;
  emptyTurns: number;
  invalidUtf8: boolean;
}

/** The sync core of the reader, so tests can feed it lines; `push` returns finished records. */
export class TextTranscriptParser {
  private open: OpenConversation | undefined;
  private preamble: { line: number; lines: number } | undefined;
  private separator: { text: string; blankLines: number } | undefined;

  constructor(
    private readonly file: SourceFile,
    private readonly options: ImportOptions,
  ) {}

  push(item: LineItem): ImportRecord[] {
    const out: ImportRecord[] = [];
    const text = item.kind === 'line' ? item.text : undefined;
    if (this.separator !== undefined) {
      if (text !== undefined && text.trim() === '') {
        this.separator.blankLines += 1;
        return out;
      }
      const label = text === undefined ? undefined : matchLineLabel(text);
      if (label !== undefined) {
        this.separator = undefined;
        this.finish(out);
        this.start(item, label.role, label.rest, out);
        return out;
      }
      // Not followed by a label: the separator was text (a Markdown rule), put it back.
      const { text: separatorText, blankLines } = this.separator;
      this.separator = undefined;
      this.appendText(separatorText, item.line);
      for (let i = 0; i < blankLines; i += 1) this.appendText('', item.line);
    }
    if (item.kind === 'too-long') {
      // Its label (if any) cannot be seen; before any conversation it opens one, so the loss is reported as a skip.
      if (this.open === undefined) this.start(item, 'user', '', out);
      this.markTooLarge(this.open as OpenConversation);
      return out;
    }
    if (item.invalidUtf8 && this.open) this.open.invalidUtf8 = true;
    if (isSeparatorLine(item.text)) {
      this.separator = { text: item.text, blankLines: 0 };
      return out;
    }
    const label = matchLineLabel(item.text);
    if (label === undefined) this.appendText(item.text, item.line);
    else if (this.open === undefined) this.start(item, label.role, label.rest, out);
    else {
      this.closeTurn(this.open);
      this.open.turn = { role: label.role, lines: [] };
      this.appendText(label.rest, item.line);
    }
    return out;
  }

  /** End of file: the last conversation, and the preamble warning if no label was ever seen. */
  end(): ImportRecord[] {
    const out: ImportRecord[] = [];
    this.separator = undefined; // a trailing separator separates nothing
    this.finish(out);
    this.flushPreamble(out);
    return out;
  }

  private start(item: LineItem, role: Role, rest: string, out: ImportRecord[]): void {
    this.flushPreamble(out);
    this.open = {
      line: item.line,
      byteOffset: item.byteOffset,
      messages: [],
      turn: { role, lines: [] },
      bytes: 0,
      tooLarge: false,
      emptyTurns: 0,
      invalidUtf8: item.kind === 'line' && item.invalidUtf8,
    };
    this.appendText(rest, item.line);
  }

  private appendText(text: string, line: number): void {
    const open = this.open;
    if (open === undefined) {
      if (text.trim() !== '') this.countPreamble(line);
      return;
    }
    if (open.tooLarge) return;
    open.bytes += Buffer.byteLength(text) + 1;
    if (open.bytes > this.options.maxRecordBytes) this.markTooLarge(open);
    else open.turn.lines.push(text);
  }

  private markTooLarge(open: OpenConversation): void {
    open.tooLarge = true;
    open.messages = []; // free the memory now; the rest of the conversation is only counted
    open.turn.lines = [];
  }

  private countPreamble(line: number): void {
    if (this.preamble === undefined) this.preamble = { line, lines: 0 };
    this.preamble.lines += 1;
  }

  private flushPreamble(out: ImportRecord[]): void {
    if (this.preamble === undefined) return;
    const { line, lines } = this.preamble;
    this.preamble = undefined;
    const reason = `${lines} line(s) of text before the first speaker label (Human:, User:, Assistant: …) were ignored`;
    out.push({ kind: 'issue', issue: issue(this.file, 'wrong-shape', 'warning', reason, { line }) });
  }

  private closeTurn(open: OpenConversation): void {
    if (open.tooLarge) return;
    const text = open.turn.lines.join('\n').trim();
    if (text === '') open.emptyTurns += 1;
    else open.messages.push({ role: open.turn.role, text });
  }

  private finish(out: ImportRecord[]): void {
    const open = this.open;
    if (open === undefined) return;
    this.open = undefined;
    this.closeTurn(open);
    const id = `${this.file.displayPath}:${open.line}`;
    const position = { byteOffset: open.byteOffset, line: open.line };
    if (open.tooLarge) {
      const reason = `conversation exceeds the limit of ${this.options.maxRecordBytes} bytes`;
      out.push({ kind: 'issue', issue: issue(this.file, 'element-too-large', 'skipped', reason, position, id) });
      return;
    }
    if (open.messages.length === 0) {
      const reason = 'the conversation has speaker labels but no text';
      out.push({ kind: 'issue', issue: issue(this.file, 'empty-conversation', 'skipped', reason, position, id) });
      return;
    }
    const warnings: ImportIssue[] = open.invalidUtf8
      ? [issue(this.file, 'invalid-utf8', 'warning', 'invalid UTF-8 bytes were replaced with U+FFFD', position, id)]
      : [];
    const conversation = { id, messages: open.messages, meta: { container: 'text', emptyTurns: open.emptyTurns } };
    out.push({ kind: 'conversation', conversation, position, warnings });
  }
}

export async function* readTextTranscripts(file: SourceFile, options: ImportOptions): AsyncGenerator<ImportRecord> {
  const stream = await file.open();
  const parser = new TextTranscriptParser(file, options);
  try {
    for await (const item of readLines(stream, options.maxRecordBytes)) yield* parser.push(item);
    yield* parser.end();
  } finally {
    stream.destroy();
  }
}
