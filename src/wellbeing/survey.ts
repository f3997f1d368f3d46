/**
 * The survey: a CSV with one row per participant — an id column (the donation id the logs were
 * imported with), the scales' item columns, optionally a primary-motivation column and numeric
 * covariates (e.g. age). Rows are scored by the scale definitions (score-scale.ts).
 *
 * Per-participant trouble is data, not an exception: every problem becomes a SurveyError naming the
 * participant (as a pseudonym only), the row's line, the column and the offending cell (shortened) —
 * never text from any other column. A row without an id, or whose id appears on several rows, is
 * left out entirely. A missing item column in the header, or a missing id column, is a ConfigError.
 */
import { parse } from 'csv-parse/sync';
import { ConfigError } from '../errors.ts';
import type { ScaleConfig } from './scale-definitions.ts';
import { excerpt, parseNumber, scoreScale } from './score-scale.ts';

export type SurveyErrorKind =
  | 'missing_id'
  | 'duplicate_id'
  | 'missing_answer'
  | 'non_numeric'
  | 'out_of_range'
  | 'scale_missing'
  | 'no_logs';

export interface SurveyError {
  kind: SurveyErrorKind;
  /** The participant's pseudonym (never the raw id); empty for a row without an id. */
  participant: string;
  /** Line of the row in the CSV (1 = the header). */
  line: number;
  column: string;
  value: string;
  message: string;
}

export interface SurveyParticipant {
  /** The raw id, used only to match the stored participants (match-participants.ts); never output. */
  rawId: string;
  pseudonym: string;
  line: number;
  /** Scale scores and numeric covariates (null: missing by rule). */
  values: Record<string, number | null>;
  /** The self-reported primary motivation, lower-cased (null when the column is absent or blank). */
  motivation: string | null;
}

export interface Survey {
  participants: SurveyParticipant[];
  errors: SurveyError[];
  rows: number;
}

export interface ReadSurveyOptions {
  /** Columns to read as numbers (covariates named by the model). */
  covariates?: readonly string[];
  /** Raw id → pseudonym (the errors and outputs carry this only). */
  pseudonym: (rawId: string) => string;
}

export function readSurvey(text: string, config: ScaleConfig, options: ReadSurveyOptions): Survey {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true, info: true, relax_column_count: true });
  } catch (error) {
    throw new ConfigError(`the survey is not readable as CSV (${(error as Error).message.split('\n')[0]})`);
  }
  const header = new Set(records.length > 0 ? Object.keys(records[0]!.record) : (text.split(/\r?\n/)[0] ?? '').split(','));
  const needed = [
    config.idColumn,
    ...config.scales.flatMap((scale) => scale.items),
    ...(options.covariates ?? []),
    ...(config.motivationColumn ? [config.motivationColumn] : []),
  ];
  const absent = needed.filter((column) => !header.has(column));
  if (absent.length > 0) {
    throw new ConfigError(`the survey has no column(s) ${absent.join(', ')}`, {
      hint: `the id column is "${config.idColumn}" (id_column in the scale definitions); item columns come from the scales`,
    });
  }
  const errors: SurveyError[] = [];
  const counts = new Map<string, number>();
  for (const { record } of records) {
    const id = (record[config.idColumn] ?? '').trim();
    if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const participants: SurveyParticipant[] = [];
  for (const { record, info } of records) {
    const line = info.lines;
    const rawId = (record[config.idColumn] ?? '').trim();
    if (!rawId) {
      errors.push({
        kind: 'missing_id',
        participant: '',
        line,
        column: config.idColumn,
        value: '',
        message: 'no participant id: row left out',
      });
      continue;
    }
    const pseudonym = options.pseudonym(rawId);
    const report = (kind: SurveyErrorKind, column: string, value: string, message: string) =>
      errors.push({ kind, participant: pseudonym, line, column, value, message });
    if ((counts.get(rawId) ?? 0) > 1) {
      report('duplicate_id', config.idColumn, '', 'the id appears on several rows: every one of them left out');
      continue;
    }
    const values: Record<string, number | null> = {};
    for (const scale of config.scales) {
      const { score, answered, problems } = scoreScale(scale, (column) => record[column]);
      for (const problem of problems) {
        const what =
          problem.kind === 'missing_answer'
            ? 'no answer'
            : problem.kind === 'non_numeric'
              ? 'not a number: treated as missing'
              : `outside ${scale.range[0]}–${scale.range[1]}: treated as missing`;
        report(problem.kind, problem.column, problem.value, `${scale.name}: ${what}`);
      }
      const minimum = scale.min_answered ?? scale.items.length;
      if (score === null) {
        report(
          'scale_missing',
          scale.name,
          '',
          `${scale.name}: ${answered} of ${scale.items.length} items valid, fewer than ${minimum}: scale missing`,
        );
      }
      values[scale.name] = score;
    }
    for (const column of options.covariates ?? []) {
      const parsed = parseNumber(record[column]);
      if (parsed === 'non_numeric')
        report('non_numeric', column, excerpt((record[column] ?? '').trim()), `${column}: not a number: treated as missing`);
      if (parsed === 'missing') report('missing_answer', column, '', `${column}: no answer`);
      values[column] = typeof parsed === 'number' ? parsed : null;
    }
    const motivationCell = config.motivationColumn ? (record[config.motivationColumn] ?? '').trim().toLowerCase() : '';
    participants.push({ rawId, pseudonym, line, values, motivation: motivationCell || null });
  }
  return { participants, errors, rows: records.length };
}

/** Error counts by kind (what the report shows). */
export function countErrors(errors: readonly SurveyError[]): Partial<Record<SurveyErrorKind, number>> {
  const counts: Partial<Record<SurveyErrorKind, number>> = {};
  for (const error of errors) counts[error.kind] = (counts[error.kind] ?? 0) + 1;
  return counts;
}
