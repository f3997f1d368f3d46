/**
 * A formula-like model spec, as in R: `who5 ~ companionship_share * intensity + age`.
 *
 * - `a * b` is the main effects plus their interaction (a + b + a:b); `a * b * c` expands to every
 *   main effect and every interaction among them.
 * - `a:b` is the interaction alone (the product of the two columns).
 * - `+` separates terms; every model has an intercept; a term listed twice counts once.
 * - Names are letters, digits, `_` and `.`, starting with a letter or `_`.
 *
 * Terms are returned in R's order: main effects first, then two-way, then higher-order interactions,
 * each in order of first appearance. A term is the list of its variables (one for a main effect).
 */
import { ConfigError } from '../errors.ts';

export interface Formula {
  outcome: string;
  /** Each term: its variables; a main effect has one. The intercept is implied. */
  terms: string[][];
  /** Every variable the formula reads (outcome first). */
  variables: string[];
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;

/** The label of a term: its variables joined by `:`. */
export const termLabel = (term: readonly string[]): string => term.join(':');

function checkName(name: string, formula: string): string {
  if (!NAME.test(name)) {
    throw new ConfigError(`model spec "${formula}": "${name}" is not a variable name`, {
      hint: 'write e.g. "who5 ~ companionship_share * intensity + age" (* = main effects + interaction, : = interaction only)',
    });
  }
  return name;
}

/** Every non-empty subset of `items`, keeping their order. */
function subsets<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let mask = 1; mask < 1 << items.length; mask++) out.push(items.filter((_, i) => (mask >> i) & 1));
  return out;
}

export function parseFormula(text: string): Formula {
  const parts = text.split('~');
  if (parts.length !== 2) throw new ConfigError(`model spec "${text}" needs exactly one "~" (outcome ~ predictors)`);
  const outcome = checkName(parts[0]!.trim(), text);
  const right = parts[1]!.trim();
  if (right === '') throw new ConfigError(`model spec "${text}" has no predictors after "~"`);
  const found: string[][] = [];
  for (const chunk of right.split('+')) {
    const trimmed = chunk.trim();
    if (trimmed === '') throw new ConfigError(`model spec "${text}" has an empty term (check the "+" signs)`);
    if (trimmed.includes('*')) {
      if (trimmed.includes(':')) throw new ConfigError(`model spec "${text}": do not mix "*" and ":" in one term`);
      const names = trimmed.split('*').map((name) => checkName(name.trim(), text));
      found.push(...subsets(names));
    } else found.push(trimmed.split(':').map((name) => checkName(name.trim(), text)));
  }
  const seen = new Set<string>();
  const unique: string[][] = [];
  for (const term of found) {
    if (new Set(term).size !== term.length)
      throw new ConfigError(`model spec "${text}": "${termLabel(term)}" repeats a variable`);
    const key = [...term].sort().join(':');
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(term);
  }
  const terms = unique.map((term, index) => ({ term, index })).sort((a, b) => a.term.length - b.term.length || a.index - b.index);
  for (const { term } of terms) {
    if (term.includes(outcome)) throw new ConfigError(`model spec "${text}": the outcome "${outcome}" is also a predictor`);
  }
  const variables = [outcome];
  for (const { term } of terms) for (const name of term) if (!variables.includes(name)) variables.push(name);
  return { outcome, terms: terms.map(({ term }) => term), variables };
}

/** A mediation spec `X -> M -> Y` (optionally `| cov1 + cov2` for covariates in every path). */
export interface MediationSpec {
  x: string;
  m: string;
  y: string;
  covariates: string[];
}

export function parseMediation(text: string): MediationSpec {
  const [chain = '', covariateText] = text.split('|');
  const names = chain.split('->').map((name) => name.trim());
  if (names.length !== 3)
    throw new ConfigError(`mediation spec "${text}" must read "X -> M -> Y" (optionally "| covariate + …")`);
  const [x, m, y] = names.map((name) => checkName(name, text)) as [string, string, string];
  if (new Set([x, m, y]).size !== 3) throw new ConfigError(`mediation spec "${text}" names a variable twice`);
  const covariates = covariateText === undefined ? [] : covariateText.split('+').map((name) => checkName(name.trim(), text));
  return { x, m, y, covariates };
}
