/** Small helpers shared by the per-message facet training scripts (sentiment, disclosure). */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const DATASETS = path.resolve(fileURLToPath(new URL('../../../shared/datasets', import.meta.url)));
export const MODELS = path.resolve(fileURLToPath(new URL('../../models', import.meta.url)));

export function readDataset(relative: string): string {
  return readFileSync(path.join(DATASETS, relative), 'utf8').replace(/^\uFEFF/, '');
}

/** A stable number in [0, 1) for a key: deterministic splits by group (thread, dialogue). */
export function bucket(key: string): number {
  return createHash('sha1').update(key).digest().readUInt32BE(0) / 2 ** 32;
}

/** Per-class F1 and their mean over `classes` (gold labels outside `classes` are skipped). */
export function macroF1<C extends string>(
  pairs: readonly { gold: C; predicted: C }[],
  classes: readonly C[],
): { macroF1: number; perClass: Record<string, number>; accuracy: number } {
  const perClass: Record<string, number> = {};
  let sum = 0;
  for (const label of classes) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const { gold, predicted } of pairs) {
      if (predicted === label && gold === label) tp += 1;
      else if (predicted === label) fp += classes.includes(gold) ? 1 : 0;
      else if (gold === label) fn += 1;
    }
    const f1 = tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
    perClass[label] = round(f1);
    sum += f1;
  }
  const scored = pairs.filter((pair) => classes.includes(pair.gold));
  const accuracy = scored.filter((pair) => pair.gold === pair.predicted).length / (scored.length || 1);
  return { macroF1: round(sum / classes.length), perClass, accuracy: round(accuracy) };
}

export function binaryF1(pairs: readonly { gold: boolean; predicted: boolean }[]): {
  f1: number;
  precision: number;
  recall: number;
} {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { gold, predicted } of pairs) {
    if (gold && predicted) tp += 1;
    else if (predicted) fp += 1;
    else if (gold) fn += 1;
  }
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { f1: round(f1), precision: round(precision), recall: round(recall) };
}

export function round(value: number, digits = 4): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
