/**
 * The validation table from `npm run eval` (eval/results.json, written by src/eval/report.ts), as the
 * report's methods and limitations read it. Reading it is the caller's job (analyze / the CLI).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { ResultRow } from '../eval/types.ts';

export interface EvalTable {
  date: string;
  commit: string;
  backend: string;
  rows: Pick<ResultRow, 'section' | 'facet' | 'metric' | 'value' | 'baseline' | 'baselineName' | 'dataset' | 'n'>[];
}

/** eval/results.json → EvalTable; undefined when the file is absent or not in the expected shape. */
export function readEvalTable(file: string): EvalTable | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const json = JSON.parse(readFileSync(file, 'utf8')) as Partial<EvalTable>;
    if (!Array.isArray(json.rows)) return undefined;
    return {
      date: String(json.date ?? ''),
      commit: String(json.commit ?? ''),
      backend: String(json.backend ?? ''),
      rows: json.rows,
    };
  } catch {
    return undefined;
  }
}

const HIGHER_IS_BETTER = /^(F1|macro-F1|recall|Spearman)/;

/** Known weak spots: the lowest accuracy-like results (below 0.6), then the highest false-positive rates. */
export function weakSpots(table: EvalTable, limit = 8): EvalTable['rows'] {
  const low = table.rows
    .filter((row) => row.value !== null && HIGHER_IS_BETTER.test(row.metric) && row.value < 0.6)
    .sort((a, b) => (a.value ?? 0) - (b.value ?? 0));
  const fpr = table.rows
    .filter((row) => row.value !== null && row.metric === 'FPR' && row.value >= 0.015)
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  return [...low, ...fpr].slice(0, limit);
}
