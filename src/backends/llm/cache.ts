/**
 * The response cache: one small JSON file per validated answer, keyed by sha256 of (prompt version,
 * model, sha256 of the redacted request content), under a folder (default `.affectlens-cache/llm`).
 *
 * Why files rather than a DuckDB table: `affectlens facets` runs without a store, the cache must
 * survive a killed run (each entry is written to a temporary name and renamed, so a kill leaves no
 * half entry and a reader never sees one), parallel requests write without a lock, and a researcher
 * can delete or share it with `rm -r` / `cp -r`. Only validated answers are stored, so a re-run or a
 * resume never re-asks what was answered, and a failure is asked again next time.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface CachedAnswer {
  promptVersion: string;
  model: string;
  /** The validated answer (JSON). */
  answer: unknown;
  inputTokens: number;
  outputTokens: number;
}

export interface ResponseCache {
  get(key: string): CachedAnswer | undefined;
  set(key: string, value: CachedAnswer): void;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function cacheKey(promptVersion: string, model: string, content: string): string {
  return sha256(JSON.stringify([promptVersion, model, sha256(content)]));
}

export const DEFAULT_CACHE_DIR = '.affectlens-cache/llm';

export function createDirectoryCache(dir: string = DEFAULT_CACHE_DIR): ResponseCache {
  const file = (key: string) => path.join(dir, key.slice(0, 2), `${key}.json`);
  let sequence = 0;
  return {
    get(key) {
      try {
        return JSON.parse(readFileSync(file(key), 'utf8')) as CachedAnswer;
      } catch {
        return undefined;
      }
    },
    set(key, value) {
      const target = file(key);
      mkdirSync(path.dirname(target), { recursive: true });
      const temporary = `${target}.${process.pid}.${sequence++}.tmp`;
      writeFileSync(temporary, JSON.stringify(value));
      renameSync(temporary, target);
    },
  };
}

export function createMemoryCache(): ResponseCache & { size(): number } {
  const entries = new Map<string, CachedAnswer>();
  return { get: (key) => entries.get(key), set: (key, value) => void entries.set(key, value), size: () => entries.size };
}
