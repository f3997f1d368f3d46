/** A JSON Lines writer that respects backpressure, so memory stays flat on millions of lines. */
import { once } from 'node:events';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';

export interface JsonLinesWriter {
  write(value: unknown): Promise<void>;
  close(): Promise<void>;
  readonly lines: number;
}

export function createJsonLinesWriter(file: string): JsonLinesWriter {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const stream = createWriteStream(file, { encoding: 'utf8' });
  let lines = 0;
  return {
    get lines() {
      return lines;
    },
    async write(value) {
      lines += 1;
      if (!stream.write(`${JSON.stringify(value)}\n`)) await once(stream, 'drain');
    },
    async close() {
      stream.end();
      await once(stream, 'finish');
    },
  };
}
