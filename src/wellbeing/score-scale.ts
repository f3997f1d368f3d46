/**
 * Scoring one participant's answers on one scale, with the missing-data rule:
 *
 * - An answer is valid when it is a number within the scale's [min, max]. A blank cell is a missing
 *   answer; a non-numeric or out-of-range answer is reported and then treated as missing — never as 0.
 * - Reverse-keyed items are scored min + max − answer.
 * - With at least `min_answered` valid answers (default: all items): `mean` scoring is the mean of the
 *   answered items; `sum` scoring is their sum, prorated (mean of answered × number of items) when
 *   `prorate: true` and some items are missing. Then × `multiplier` when set.
 * - With fewer, the scale is missing for the participant, who is left out of every model using it.
 */
import type { ScaleDefinition } from './scale-definitions.ts';

export type AnswerProblem = 'missing_answer' | 'non_numeric' | 'out_of_range';

export interface AnswerError {
  kind: AnswerProblem;
  column: string;
  /** The offending cell, shortened (empty for a missing answer). */
  value: string;
}

export interface ScaleScore {
  score: number | null;
  answered: number;
  problems: AnswerError[];
}

/** A short, printable excerpt of a cell: at most 20 characters, control characters removed. */
export function excerpt(cell: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const clean = cell.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return clean.length > 20 ? `${clean.slice(0, 19)}…` : clean;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A cell as a number, or why not ('missing' for a blank cell). */
export function parseNumber(cell: string | undefined): number | 'missing' | 'non_numeric' {
  const text = (cell ?? '').trim();
  if (text === '' || /^(na|n\/a|nan|null)$/i.test(text)) return 'missing';
  return NUMBER.test(text) ? Number(text) : 'non_numeric';
}

export function scoreScale(scale: ScaleDefinition, cell: (column: string) => string | undefined): ScaleScore {
  const [min, max] = scale.range;
  const values: number[] = [];
  const problems: AnswerError[] = [];
  for (const item of scale.items) {
    const raw = cell(item);
    const parsed = parseNumber(raw);
    if (parsed === 'missing') {
      problems.push({ kind: 'missing_answer', column: item, value: '' });
      continue;
    }
    if (parsed === 'non_numeric') {
      problems.push({ kind: 'non_numeric', column: item, value: excerpt((raw ?? '').trim()) });
      continue;
    }
    if (parsed < min || parsed > max) {
      problems.push({ kind: 'out_of_range', column: item, value: excerpt((raw ?? '').trim()) });
      continue;
    }
    values.push(scale.reverse.includes(item) ? min + max - parsed : parsed);
  }
  const answered = values.length;
  const minimum = scale.min_answered ?? scale.items.length;
  if (answered < minimum || answered === 0) return { score: null, answered, problems };
  const sum = values.reduce((s, v) => s + v, 0);
  const raw =
    scale.scoring === 'mean' ? sum / answered : answered < scale.items.length ? (sum / answered) * scale.items.length : sum;
  return { score: raw * (scale.multiplier ?? 1), answered, problems };
}
