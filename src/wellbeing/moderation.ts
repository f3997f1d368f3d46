/**
 * Simple slopes (Aiken & West 1991): the slope of a focal predictor at chosen values of a moderator —
 * the mean and mean ± 1 SD over the fitted participants — with every other variable at its mean.
 *
 * The slope is the derivative of the model's prediction with respect to the focal predictor,
 * Σ over terms containing it of βₜ · (product of the term's other variables), i.e. a linear
 * combination gᵀβ̂; its standard error is √(gᵀ V̂_HC3 g) and its interval uses the model's t(n − p).
 * The plotted lines are predictions over focal = mean ± 2 SD at the same moderator values (lines
 * only: no participant's values are drawn).
 */
import type { ModelFit } from './design.ts';
import { designRow } from './design.ts';
import { tCritical, twoSidedP } from './student-t.ts';

export interface SimpleSlope {
  level: '-1 SD' | 'mean' | '+1 SD';
  moderatorValue: number;
  slope: number;
  se: number;
  low: number;
  high: number;
  t: number;
  p: number;
}

export interface Moderation {
  focal: string;
  moderator: string;
  slopes: SimpleSlope[];
  /** Predicted outcome along the focal predictor at each moderator level. */
  lines: { level: SimpleSlope['level']; x: number; y: number }[];
}

const LEVELS = [
  ['-1 SD', -1],
  ['mean', 0],
  ['+1 SD', 1],
] as const;

/** The first two-way interaction of the model, as [focal, moderator]; undefined when there is none. */
export function firstInteraction(fit: ModelFit): [string, string] | undefined {
  const term = fit.formula.terms.find((t) => t.length === 2);
  return term ? [term[0]!, term[1]!] : undefined;
}

export function simpleSlopes(fit: ModelFit, focal: string, moderator: string): Moderation {
  const { formula, ols, means, sds } = fit;
  const beta = ols.coefficients.map((c) => c.estimate);
  const critical = tCritical(ols.confidence, ols.df);
  const at = (moderatorValue: number, focalValue: number) => (name: string) =>
    name === moderator ? moderatorValue : name === focal ? focalValue : means[name]!;
  const slopes = LEVELS.map(([level, k]): SimpleSlope => {
    const moderatorValue = means[moderator]! + k * sds[moderator]!;
    const value = at(moderatorValue, means[focal]!);
    // g: derivative of each design column with respect to the focal variable (intercept: 0).
    const g = [
      0,
      ...formula.terms.map((term) =>
        term.includes(focal) ? term.filter((name) => name !== focal).reduce((product, name) => product * value(name), 1) : 0,
      ),
    ];
    const slope = g.reduce((s, gj, j) => s + gj * beta[j]!, 0);
    let variance = 0;
    for (let i = 0; i < g.length; i++) for (let j = 0; j < g.length; j++) variance += g[i]! * g[j]! * ols.covariance[i]![j]!;
    const se = Math.sqrt(variance);
    const t = slope / se;
    return {
      level,
      moderatorValue,
      slope,
      se,
      low: slope - critical * se,
      high: slope + critical * se,
      t,
      p: twoSidedP(t, ols.df),
    };
  });
  const lines: Moderation['lines'] = [];
  for (const { level, moderatorValue } of slopes) {
    for (let step = 0; step <= 20; step++) {
      const x = means[focal]! + (-2 + step / 5) * sds[focal]!;
      const row = designRow(formula, at(moderatorValue, x));
      lines.push({ level, x, y: row.reduce((s, v, j) => s + v * beta[j]!, 0) });
    }
  }
  return { focal, moderator, slopes, lines };
}
