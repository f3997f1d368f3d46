/**
 * Streams the elements of a top-level JSON array (ChatGPT / Claude `conversations.json`),
 * or a single top-level object, without loading the file.
 *
 * Why not a streaming-parser library: measured on this machine (docs/decisions/2026-11-22-json-array-splitter.md),
 * a byte-level element splitter + the built-in JSON.parse per element runs 2–3× faster than
 * stream-json / JSONStream / @streamparser/json, and — the deciding point — it can RECOVER after
 * corruption: a library parser stops at the first syntax error, losing every conversation after it.
 * JSON.parse is still the parser; this file only finds element boundaries.
 *
 * Recovery: when an element fails to parse (or the file ends inside one), scanning restarts one
 * byte after that element's start in "seek" mode, looking for `{` + optional space + `"` that does not
 * follow `:` (so not an object-valued key: after `,` or `[`, or after damaged bytes). That pattern cannot
 * occur inside a valid JSON string (quotes there are escaped) except where a string ends in `{`; each
 * candidate is parsed, a failed one is re-scanned like any damaged element, and candidates that parse
 * but are not conversations (`accept` says no) are nested fragments and are stepped over. One error
 * covers the whole damaged byte range.
 */

import { describeJsonError } from './json-error.ts';

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const BYTE_ORDER_MARK = [0xef, 0xbb, 0xbf];

const isSpace = (byte: number) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;

export type JsonArrayItem =
  | { kind: 'value'; value: unknown; start: number; end: number; invalidUtf8: boolean }
  | {
      kind: 'error';
      code: 'invalid-json' | 'truncated' | 'element-too-large' | 'not-json-container' | 'trailing-data';
      start: number;
      end: number;
      reason: string;
      /** Bytes of the damaged element's beginning (bounded), for the importer to find an id in. */
      headText?: string;
    };

export interface ReadJsonArrayOptions {
  maxElementBytes: number;
  /** Is this parsed value a top-level element (a conversation), not a nested fragment? */
  accept(value: unknown): boolean;
}

type Mode = 'start' | 'between' | 'element' | 'skip-element' | 'seek' | 'after' | 'done';

interface Damage {
  start: number;
  code: 'invalid-json' | 'truncated' | 'element-too-large';
  reason: string;
  headText: string | undefined;
}

const fatalDecoder = new TextDecoder('utf-8', { fatal: true });
const lenientDecoder = new TextDecoder('utf-8');
const HEAD_TEXT_BYTES = 4096;
/** Bytes of a string stepped over one by one before jumping to the next quote with indexOf. */
const STRING_SCAN_BYTES = 24;

class JsonArraySplitter {
  private mode: Mode = 'start';
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** The top level is one object, not an array: it is the only element. */
  private singleObject = false;
  private elementStart = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** Last non-space byte seen in seek mode (a candidate must follow `,` or `[`). */
  private seekPrevious = -1;
  private damage: Damage | undefined;
  private trailingReported = false;
  /** Bytes of a UTF-8 byte-order mark skipped so far (it may be split across chunks). */
  private bomBytes = 0;

  constructor(private readonly options: ReadJsonArrayOptions) {}

  /** Feeds one chunk whose first byte is at absolute offset `offset`. */
  *feed(chunk: Buffer, offset: number): Generator<JsonArrayItem> {
    // A stack of segments lets a failed element be re-scanned without recursion.
    const segments: { buffer: Buffer; offset: number; position: number }[] = [{ buffer: chunk, offset, position: 0 }];
    while (segments.length > 0) {
      const segment = segments[segments.length - 1] as { buffer: Buffer; offset: number; position: number };
      const { buffer } = segment;
      let i = segment.position;
      let rescan: Buffer | undefined;
      let rescanOffset = 0;
      while (i < buffer.length && rescan === undefined) {
        const byte = buffer[i] as number;
        switch (this.mode) {
          case 'start':
            if (isSpace(byte)) i += 1;
            else if (segment.offset + i === this.bomBytes && byte === BYTE_ORDER_MARK[this.bomBytes]) {
              this.bomBytes += 1; // UTF-8 byte-order mark
              i += 1;
            } else if (byte === OPEN_BRACKET) {
              this.mode = 'between';
              i += 1;
            } else if (byte === OPEN_BRACE) {
              this.singleObject = true;
              this.beginElement(segment.offset + i);
            } else {
              yield {
                kind: 'error',
                code: 'not-json-container',
                start: segment.offset + i,
                end: segment.offset + i,
                reason: 'the file does not start with a JSON array or object',
              };
              this.mode = 'done';
              return;
            }
            break;
          case 'between':
            if (isSpace(byte) || byte === COMMA) i += 1;
            else if (byte === CLOSE_BRACKET) {
              this.mode = 'after';
              i += 1;
            } else this.beginElement(segment.offset + i);
            break;
          case 'element':
          case 'skip-element': {
            const end = this.scanElement(buffer, i);
            const consumedTo = end === -1 ? buffer.length : end;
            if (this.mode === 'element') {
              this.pending.push(buffer.subarray(i, consumedTo));
              this.pendingBytes += consumedTo - i;
            }
            i = consumedTo;
            if (end !== -1) {
              if (this.mode === 'skip-element') {
                this.mode = this.singleObject ? 'after' : 'between';
              } else {
                const bytes = this.takePending();
                const result = this.finishElement(bytes, segment.offset + end);
                if (result.item) yield* this.emit(result.item);
                if (result.rescan) {
                  rescan = bytes.subarray(1);
                  rescanOffset = this.elementStart + 1;
                }
              }
            } else if (this.mode === 'element' && this.pendingBytes > this.options.maxElementBytes) {
              const bytes = this.takePending();
              this.markDamaged('element-too-large', `element larger than ${this.options.maxElementBytes} bytes`, bytes);
              if (this.isRecoverable()) {
                // Possibly a lost closing brace swallowed later elements: look inside.
                rescan = bytes.subarray(1);
                rescanOffset = this.elementStart + 1;
                this.mode = 'seek';
              } else {
                this.mode = 'skip-element';
              }
            }
            break;
          }
          case 'seek':
            if (byte === OPEN_BRACE && this.seekPrevious !== COLON) {
              let next = i + 1;
              while (next < buffer.length && isSpace(buffer[next] as number)) next += 1;
              // Needs `"` after `{`; at a segment's end we accept the candidate and let parsing decide.
              if (next >= buffer.length || buffer[next] === QUOTE) {
                this.beginElement(segment.offset + i);
                break;
              }
            }
            if (!isSpace(byte)) this.seekPrevious = byte;
            i += 1;
            break;
          case 'after':
            if (!isSpace(byte) && !this.trailingReported) {
              this.trailingReported = true;
              yield {
                kind: 'error',
                code: 'trailing-data',
                start: segment.offset + i,
                end: segment.offset + i,
                reason: 'data after the end of the top-level JSON value was ignored',
              };
            }
            i += 1;
            break;
          case 'done':
            return;
        }
      }
      segment.position = i;
      if (rescan !== undefined) {
        segments.push({ buffer: rescan, offset: rescanOffset, position: 0 });
        this.mode = 'seek';
        this.seekPrevious = -1;
        continue;
      }
      segments.pop();
    }
  }

  /** Call at end of input. */
  *finish(totalBytes: number): Generator<JsonArrayItem> {
    if (this.mode === 'element' && this.singleObject) {
      this.markDamaged('truncated', 'the file ends inside the top-level object (truncated)', this.takePending());
    }
    // Whole elements may hide inside one that never closed (a lost brace, a flipped quote): re-scan it.
    // Every pass starts later than the last, so this ends.
    while (this.mode === 'element' && !this.singleObject) {
      const bytes = this.takePending();
      this.markDamaged('truncated', 'the element never closes before the end of the file (truncated or corrupted)', bytes);
      this.mode = 'seek';
      this.seekPrevious = -1;
      yield* this.feed(bytes.subarray(1), this.elementStart + 1);
    }
    if (this.mode === 'start') {
      yield { kind: 'error', code: 'truncated', start: 0, end: totalBytes, reason: 'the file is empty' };
    } else if (this.mode === 'between' && !this.singleObject) {
      this.markDamaged('truncated', 'the file ends before the closing ] of the array (truncated)', undefined, totalBytes);
    }
    if (this.damage) yield this.damageItem(totalBytes);
    this.mode = 'done';
  }

  private isRecoverable(): boolean {
    return !this.singleObject;
  }

  private beginElement(absoluteStart: number): void {
    this.mode = 'element';
    this.elementStart = absoluteStart;
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
    this.pending = [];
    this.pendingBytes = 0;
  }

  private takePending(): Buffer {
    const bytes = this.pending.length === 1 ? (this.pending[0] as Buffer) : Buffer.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    return bytes;
  }

  /**
   * The hot loop: advances over one element's bytes, tracking depth and string state.
   * Returns the index just past the element's last byte, or -1 if it continues past this buffer.
   * Inside a string, a short run is stepped over byte by byte; a longer one jumps to the next quote
   * (`indexOf`, native) and counts the backslashes right before it to tell an escaped quote from the end.
   */
  private scanElement(buffer: Buffer, from: number): number {
    let depth = this.depth;
    let inString = this.inString;
    let escaped = this.escaped;
    const length = buffer.length;
    let i = from;
    while (i < length) {
      if (inString) {
        if (escaped) {
          escaped = false;
          i += 1;
          continue;
        }
        const limit = Math.min(length, i + STRING_SCAN_BYTES);
        let j = i;
        while (j < limit) {
          const byte = buffer[j] as number;
          if (byte === QUOTE || byte === BACKSLASH) break;
          j += 1;
        }
        if (j < limit) {
          if (buffer[j] === QUOTE) inString = false;
          else escaped = true;
          i = j + 1;
          continue;
        }
        if (j >= length) {
          i = length;
          break;
        }
        // A long string: no quote or backslash in [i, j); find the next quote.
        const quote = buffer.indexOf(QUOTE, j);
        const end = quote === -1 ? length : quote;
        let backslashes = 0;
        for (let k = end - 1; k >= j && buffer[k] === BACKSLASH; k--) backslashes += 1;
        if (quote === -1) {
          escaped = backslashes % 2 === 1;
          i = length;
          break;
        }
        // An odd run of backslashes escapes the quote: still inside the string.
        if (backslashes % 2 === 0) inString = false;
        i = quote + 1;
        continue;
      }
      const byte = buffer[i] as number;
      if (byte === QUOTE) inString = true;
      else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) depth += 1;
      else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
        if (depth === 0) {
          // A primitive element ends right before the array's closing bracket.
          return i;
        }
        depth -= 1;
        if (depth <= 0) {
          this.depth = 0;
          this.inString = false;
          this.escaped = false;
          return i + 1;
        }
      } else if (depth === 0 && (byte === COMMA || isSpace(byte))) {
        // A primitive top-level element (a number, a bare word) ends here.
        this.depth = 0;
        return i;
      }
      i += 1;
    }
    this.depth = depth;
    this.inString = inString;
    this.escaped = escaped;
    return -1;
  }

  private finishElement(bytes: Buffer, absoluteEnd: number): { item?: JsonArrayItem; rescan?: boolean } {
    if (bytes.length > this.options.maxElementBytes) {
      // Same outcome as an element found too large while still open (the limit must not depend on chunking).
      this.markDamaged('element-too-large', `element larger than ${this.options.maxElementBytes} bytes`, bytes);
      this.mode = this.singleObject ? 'after' : 'seek';
      return { rescan: this.isRecoverable() };
    }
    let text: string;
    let invalidUtf8 = false;
    try {
      text = fatalDecoder.decode(bytes);
    } catch {
      text = lenientDecoder.decode(bytes);
      invalidUtf8 = true;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      this.markDamaged('invalid-json', `invalid JSON: ${describeJsonError(error)}`, bytes);
      this.mode = this.singleObject ? 'after' : 'seek';
      return { rescan: this.isRecoverable() };
    }
    this.mode = this.singleObject ? 'after' : 'between';
    if (this.damage && !this.options.accept(value)) {
      // A nested fragment of the damaged element: step over it and keep seeking.
      this.mode = 'seek';
      this.seekPrevious = -1;
      return {};
    }
    return { item: { kind: 'value', value, start: this.elementStart, end: absoluteEnd, invalidUtf8 } };
  }

  private markDamaged(code: Damage['code'], reason: string, bytes: Buffer | undefined, start = this.elementStart): void {
    if (this.damage) return; // one error per damaged range
    this.damage = {
      start,
      code,
      reason,
      headText: bytes ? lenientDecoder.decode(bytes.subarray(0, HEAD_TEXT_BYTES)) : undefined,
    };
  }

  private damageItem(end: number): JsonArrayItem {
    const damage = this.damage as Damage;
    this.damage = undefined;
    return {
      kind: 'error',
      code: damage.code,
      start: damage.start,
      end,
      reason: damage.reason,
      ...(damage.headText === undefined ? {} : { headText: damage.headText }),
    };
  }

  /** Before a good element is yielded, close the damaged range that precedes it. */
  private *emit(item: JsonArrayItem): Generator<JsonArrayItem> {
    if (this.damage && item.kind === 'value') yield this.damageItem(item.start);
    yield item;
  }
}

export async function* readJsonArray(
  stream: AsyncIterable<Buffer | string>,
  options: ReadJsonArrayOptions,
): AsyncGenerator<JsonArrayItem> {
  const splitter = new JsonArraySplitter(options);
  let offset = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    yield* splitter.feed(buffer, offset);
    offset += buffer.length;
  }
  yield* splitter.finish(offset);
}
