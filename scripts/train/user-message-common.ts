/** Small helpers shared by the training scripts: the models folder and the held-out metrics. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MODELS = path.resolve(fileURLToPath(new URL('../../models', import.meta.url)));

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

/** Precision, recall and F1 of the positive class, rounded to `digits`. */
export function binaryF1(
  pairs: readonly { gold: boolean; predicted: boolean }[],
  digits = 4,
): {
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
  return { f1: round(f1, digits), precision: round(precision, digits), recall: round(recall, digits) };
}

export function round(value: number, digits = 4): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
