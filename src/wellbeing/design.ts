/**
 * From participants' variables to a fitted model: listwise deletion, then the design matrix of a
 * formula (intercept, main effects, product columns for interactions), then OLS with HC3.
 *
 * Listwise deletion: a participant enters a model only when every variable the formula names is
 * present (a scale scored under its missing-data rule, a usage dimension defined for them, a numeric
 * covariate). Participants missing any of them are left out of that model only, and counted.
 */
import { ConfigError } from '../errors.ts';
import { type Formula, termLabel } from './formula.ts';
import { fitOls, INTERCEPT, type OlsResult } from './ols.ts';

/** One participant's variables (null: missing for them). Never written to any output. */
export interface Observation {
  id: string;
  values: Record<string, number | null>;
}

export interface ModelFit {
  formula: Formula;
  /** The formula as written, normalised: `y ~ a + b + a:b`. */
  label: string;
  n: number;
  /** Participants left out for a missing variable, by the first missing variable in formula order. */
  excluded: Record<string, number>;
  ols: OlsResult;
  /** Means and SDs of each variable over the fitted participants (for simple slopes and plots). */
  means: Record<string, number>;
  sds: Record<string, number>;
}

export function formulaLabel(formula: Formula): string {
  return `${formula.outcome} ~ ${formula.terms.map(termLabel).join(' + ')}`;
}

export function checkVariables(names: readonly string[], available: ReadonlySet<string>, what: string): void {
  const unknown = names.filter((name) => !available.has(name));
  if (unknown.length > 0) {
    throw new ConfigError(`${what} names unknown variable(s): ${unknown.join(', ')}`, {
      hint: `available: ${[...available].sort().join(', ')}`,
    });
  }
}

/** Participants with every variable present, and the exclusion counts. */
export function listwise(
  observations: readonly Observation[],
  variables: readonly string[],
): { kept: Observation[]; excluded: Record<string, number> } {
  const kept: Observation[] = [];
  const excluded: Record<string, number> = {};
  for (const observation of observations) {
    const missing = variables.find((name) => {
      const value = observation.values[name];
      return value === null || value === undefined || !Number.isFinite(value);
    });
    if (missing === undefined) kept.push(observation);
    else excluded[missing] = (excluded[missing] ?? 0) + 1;
  }
  return { kept, excluded };
}

const meanOf = (values: readonly number[]) => values.reduce((s, v) => s + v, 0) / values.length;
const sdOf = (values: readonly number[]) => {
  const mean = meanOf(values);
  return Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(1, values.length - 1));
};

/** A design row: 1, then each term's product of variable values. */
export function designRow(formula: Formula, value: (name: string) => number): number[] {
  return [1, ...formula.terms.map((term) => term.reduce((product, name) => product * value(name), 1))];
}

export interface FitOptions {
  confidence?: number;
  /** Refuse to fit below this many participants (after listwise deletion). */
  minimumN: number;
}

export function fitModel(formula: Formula, observations: readonly Observation[], options: FitOptions): ModelFit {
  const { kept, excluded } = listwise(observations, formula.variables);
  const label = formulaLabel(formula);
  if (kept.length < options.minimumN) {
    throw new ConfigError(
      `model "${label}": ${kept.length} participants have every variable, fewer than the minimum ${options.minimumN}`,
      { hint: 'the minimum is 5 × k-users; participants missing a variable are left out (listwise deletion)' },
    );
  }
  const means: Record<string, number> = {};
  const sds: Record<string, number> = {};
  for (const name of formula.variables) {
    const values = kept.map((observation) => observation.values[name] as number);
    means[name] = meanOf(values);
    sds[name] = sdOf(values);
  }
  const rows = kept.map((observation) => designRow(formula, (name) => observation.values[name] as number));
  const y = kept.map((observation) => observation.values[formula.outcome] as number);
  const columns = [INTERCEPT, ...formula.terms.map(termLabel)];
  const ols = fitOls(rows, y, columns, options.confidence === undefined ? {} : { confidence: options.confidence });
  return { formula, label, n: kept.length, excluded, ols, means, sds };
}
