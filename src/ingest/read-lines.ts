/**
 * Splits a byte stream into lines with their byte offsets and 1-based numbers, without loading
 * the file. Lines longer than `maxLineBytes` are skipped whole (reported, not buffered), and
 * invalid UTF-8 is decoded with replacement characters and flagged.
 */

export type LineItem =
  | { kind: 'line'; text: string; line: number; byteOffset: number; invalidUtf8: boolean }
  | { kind: 'too-long'; line: number; byteOffset: number; bytes: number };

const NEWLINE = 0x0a;
const fatalDecoder = new TextDecoder('utf-8', { fatal: true });
const lenientDecoder = new TextDecoder('utf-8');

function decodeLine(bytes: Buffer): { text: string; invalidUtf8: boolean } {
  let end = bytes.length;
  if (end > 0 && bytes[end - 1] === 0x0d) end -= 1; // CRLF
  const body = bytes.subarray(0, end);
  try {
    return { text: fatalDecoder.decode(body), invalidUtf8: false };
  } catch {
    return { text: lenientDecoder.decode(body), invalidUtf8: true };
  }
}

export async function* readLines(stream: AsyncIterable<Buffer | string>, maxLineBytes: number): AsyncGenerator<LineItem> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let skipping = false;
  let lineNumber = 1;
  let lineStart = 0;
  let offset = 0;
  for await (const raw of stream) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
    let from = 0;
    while (from < chunk.length) {
      const newline = chunk.indexOf(NEWLINE, from);
      const to = newline === -1 ? chunk.length : newline;
      if (!skipping) {
        pending.push(chunk.subarray(from, to));
        pendingBytes += to - from;
        if (pendingBytes > maxLineBytes) {
          skipping = true;
          pending = [];
        }
      } else {
        pendingBytes += to - from;
      }
      if (newline === -1) break;
      if (skipping) yield { kind: 'too-long', line: lineNumber, byteOffset: lineStart, bytes: pendingBytes };
      else {
        const bytes = pending.length === 1 ? (pending[0] as Buffer) : Buffer.concat(pending);
        yield { kind: 'line', line: lineNumber, byteOffset: lineStart, ...decodeLine(bytes) };
      }
      pending = [];
      pendingBytes = 0;
      skipping = false;
      lineNumber += 1;
      from = newline + 1;
      lineStart = offset + from;
    }
    offset += chunk.length;
  }
  if (skipping) yield { kind: 'too-long', line: lineNumber, byteOffset: lineStart, bytes: pendingBytes };
  else if (pendingBytes > 0) {
    const bytes = pending.length === 1 ? (pending[0] as Buffer) : Buffer.concat(pending);
    yield { kind: 'line', line: lineNumber, byteOffset: lineStart, ...decodeLine(bytes) };
  }
}
