/**
 * Tests that read ../shared/datasets skip with one clear line when it is absent (a user's fresh clone).
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceFile } from '../ingest/source-files.ts';

export const SHARED_DATASETS = path.resolve(fileURLToPath(new URL('../../../shared/datasets', import.meta.url)));

/** Absolute path of a file or folder under ../shared/datasets. */
export function sharedPath(relative: string): string {
  return path.join(SHARED_DATASETS, relative);
}

/** `{ skip: reason }` for node:test when the dataset is missing, else `{}`. */
export function needsShared(relative: string): { skip?: string } {
  return existsSync(sharedPath(relative)) ? {} : { skip: `../shared/datasets/${relative} is absent (fresh clone): skipped` };
}

/** A SourceFile over a file under ../shared/datasets, named by its basename unless `name` is given. */
export function sharedFile(relative: string, name?: string): SourceFile {
  const full = sharedPath(relative);
  return {
    displayPath: full,
    name: name ?? path.basename(full),
    size: statSync(full).size,
    modifiedMs: 0,
    open: async () => createReadStream(full),
  };
}

/** The first 64 KiB characters of a shared file, as `detect` sees a head. */
export function sharedHead(relative: string): string {
  return readFileSync(sharedPath(relative), 'utf8').slice(0, 65536);
}
