import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type LineItem, readLines } from './read-lines.ts';

const CHUNK_SIZES = [1, 2, 7, 4096];

async function* chunked(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function lines(input: string | Buffer, chunkSize: number, maxLineBytes: number): Promise<LineItem[]> {
  const bytes = typeof input === 'string' ? Buffer.from(input) : input;
  const out: LineItem[] = [];
  for await (const item of readLines(chunked(bytes, chunkSize), maxLineBytes)) out.push(item);
  return out;
}

/** The same items must come out for every chunk size. */
async function expectLines(input: string | Buffer, expected: LineItem[], maxLineBytes = 1 << 20): Promise<void> {
  for (const size of CHUNK_SIZES) {
    assert.deepEqual(await lines(input, size, maxLineBytes), expected, `chunk size ${size}`);
  }
}

const line = (text: string, number: number, byteOffset: number, invalidUtf8 = false): LineItem => ({
  kind: 'line',
  text,
  line: number,
  byteOffset,
  invalidUtf8,
});

describe('readLines', () => {
  it('splits lines with 1-based numbers and byte offsets', async () => {
    await expectLines('{"id":"a"}\n{"id":"b"}\n', [line('{"id":"a"}', 1, 0), line('{"id":"b"}', 2, 11)]);
  });

  it('yields a last line without a newline, and blank lines as empty text', async () => {
    await expectLines('a\n\nb', [line('a', 1, 0), line('', 2, 2), line('b', 3, 3)]);
  });

  it('yields nothing for an empty file', async () => {
    await expectLines('', []);
  });

  it('drops the carriage return of CRLF line ends', async () => {
    await expectLines('a\r\nbc\r\n', [line('a', 1, 0), line('bc', 2, 3)]);
  });

  it('keeps multi-byte characters split across chunks and counts offsets in bytes', async () => {
    await expectLines('你好 😀\né\n', [line('你好 😀', 1, 0), line('é', 2, 12)]);
  });

  it('drops a UTF-8 byte-order mark at the start', async () => {
    await expectLines(Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0x0a, 0x62]), [line('a', 1, 0), line('b', 2, 5)]);
  });

  it('flags invalid UTF-8 in one line and replaces it', async () => {
    const input = Buffer.concat([Buffer.from('ok\nb'), Buffer.from([0xff, 0xc3]), Buffer.from('d\nfine')]);
    await expectLines(input, [line('ok', 1, 0), line('b\ufffd\ufffdd', 2, 3, true), line('fine', 3, 8)]);
  });

  it('reports a line over the limit without buffering it, and goes on', async () => {
    const long = 'x'.repeat(50);
    await expectLines(
      `short\n${long}\nafter\n${long}`,
      [
        line('short', 1, 0),
        { kind: 'too-long', line: 2, byteOffset: 6, bytes: 50 },
        line('after', 3, 57),
        { kind: 'too-long', line: 4, byteOffset: 63, bytes: 50 },
      ],
      20,
    );
  });

  it('accepts a line of exactly the limit', async () => {
    await expectLines('12345\n123456\n', [line('12345', 1, 0), { kind: 'too-long', line: 2, byteOffset: 6, bytes: 6 }], 5);
  });
});
