/**
 * Which rows were measured on data the shipped models were trained on. Every models/*.json records
 * `trainedOn` (dataset folders or files, often with a note in brackets: "(70% of threads)",
 * "(prompts)"); files nest models (disclosure.json holds two). A row is
 * - `trained on` when a relevant model names one of its files (or the file's folder) without a note,
 * - `partly trained on` when the naming entry has a note (a subset, a split) or only some of its files match,
 * - `held out` otherwise.
 * Relevant = the model's id starts with one of the facet's model prefixes (FACET_MODELS).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TrainedStatus } from './types.ts';

export const DEFAULT_MODELS_DIR = path.resolve(fileURLToPath(new URL('../../models', import.meta.url)));

export interface ModelTraining {
  id: string;
  /** models/<file>.json it was read from. */
  file: string;
  trainedOn: string[];
}

/** Every object with an `id` and a `trainedOn` array, at any depth of every models/*.json. */
export function readModelTraining(dir = DEFAULT_MODELS_DIR): ModelTraining[] {
  if (!existsSync(dir)) return [];
  const found: ModelTraining[] = [];
  const walk = (value: unknown, file: string, depth: number) => {
    if (depth > 4 || typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) return;
    const record = value as Record<string, unknown>;
    if (typeof record.id === 'string' && Array.isArray(record.trainedOn)) {
      found.push({
        id: record.id,
        file,
        trainedOn: record.trainedOn.filter((entry): entry is string => typeof entry === 'string'),
      });
    }
    for (const [key, inner] of Object.entries(record)) if (key !== 'weights' && key !== 'classes') walk(inner, file, depth + 1);
  };
  for (const name of readdirSync(dir)
    .filter((entry) => entry.endsWith('.json'))
    .sort()) {
    try {
      walk(JSON.parse(readFileSync(path.join(dir, name), 'utf8')), name, 0);
    } catch {
      // Not a model file we can read: it names no training data.
    }
  }
  return found.sort((a, b) => a.id.localeCompare(b.id));
}

/** Model id prefixes per facet (the row's facet up to ':' or '≠'). */
export const FACET_MODELS: Record<string, readonly string[]> = {
  sentiment: ['sentiment'],
  sentiment_change: ['sentiment'],
  emotional_disclosure: ['disclosure'],
  informational_disclosure: ['disclosure'],
  affective: ['affective'],
  content_creation: ['affective', 'content'],
  pushback: ['pushback', 'refusal'],
  crisis: ['crisis'],
  anthropomorphism: ['anthropomorphism'],
};

export const facetKey = (facet: string): string => facet.split(/[:≠=\s]/)[0] ?? facet;

/** An entry's dataset path ("xstest/model_completions") and its note ("gpt4, …"), if any. */
export function parseEntry(entry: string): { path: string; qualified: boolean; note: string } {
  const match = /^([^\s(]+)\s*(?:\((.*)\))?/.exec(entry.trim());
  return { path: (match?.[1] ?? '').replace(/\/+$/, ''), qualified: match?.[2] !== undefined, note: match?.[2] ?? '' };
}

/**
 * A row over one named part of a file (`subset` = 'series 44') is not covered by an entry whose note
 * names other parts of the same kind ("series 32, 39, 40, 45").
 */
function excludesSubset(note: string, subset: string | undefined): boolean {
  if (subset === undefined) return false;
  const [kind, value] = subset.split(' ');
  if (!kind || !value) return false;
  const at = note.indexOf(kind);
  if (at < 0) return false;
  const named = note.slice(at + kind.length).split(';')[0] ?? '';
  return !named.split(/[\s,]+/).includes(value);
}

const covers = (entryPath: string, file: string) => entryPath !== '' && (file === entryPath || file.startsWith(`${entryPath}/`));

export interface Training {
  status: TrainedStatus;
  /** "model: entry" for every entry that matched. */
  matched: string[];
}

export function trainingStatus(
  facet: string,
  files: readonly string[],
  models: readonly ModelTraining[],
  subset?: string,
): Training {
  const prefixes = FACET_MODELS[facetKey(facet)] ?? [];
  const relevant = models.filter((model) => prefixes.some((prefix) => model.id.startsWith(prefix)));
  const matched: string[] = [];
  let unqualified = 0;
  let covered = 0;
  for (const file of files) {
    let fileCovered = false;
    let fileUnqualified = false;
    for (const model of relevant) {
      for (const entry of model.trainedOn) {
        const parsed = parseEntry(entry);
        if (!covers(parsed.path, file) || excludesSubset(parsed.note, subset)) continue;
        fileCovered = true;
        if (!parsed.qualified) fileUnqualified = true;
        const label = `${model.id}: ${entry}`;
        if (!matched.includes(label)) matched.push(label);
      }
    }
    if (fileCovered) covered += 1;
    if (fileUnqualified) unqualified += 1;
  }
  const status: TrainedStatus =
    covered === 0 ? 'held out' : unqualified === files.length && files.length > 0 ? 'trained on' : 'partly trained on';
  return { status, matched };
}
