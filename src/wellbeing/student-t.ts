/** Student's t distribution (jstat): two-sided p-values and critical values for the OLS tables. */
import jstat from 'jstat';

const { studentt } = jstat.jStat;

/** Two-sided p-value of a t statistic with `df` degrees of freedom. */
export function twoSidedP(t: number, df: number): number {
  if (!Number.isFinite(t)) return Number.isNaN(t) ? Number.NaN : 0;
  return Math.min(1, 2 * studentt.cdf(-Math.abs(t), df));
}

/** The two-sided critical value t* with P(|T| ≤ t*) = confidence. */
export function tCritical(confidence: number, df: number): number {
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  return studentt.inv(1 - (1 - confidence) / 2, df);
}
