/**
 * Tests that read ../shared/datasets skip with one clear line when it is absent (a user's fresh clone).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SHARED_DATASETS = path.resolve(fileURLToPath(new URL('../../../shared/datasets', import.meta.url)));

/** Absolute path of a file or folder under ../shared/datasets. */
export function sharedPath(relative: string): string {
  return path.join(SHARED_DATASETS, relative);
}

/** `{ skip: reason }` for node:test when the dataset is missing, else `{}`. */
export function needsShared(relative: string): { skip?: string } {
  return existsSync(sharedPath(relative)) ? {} : { skip: `../shared/datasets/${relative} is absent (fresh clone): skipped` };
}
