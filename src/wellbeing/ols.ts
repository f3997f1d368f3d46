/**
 * Ordinary least squares with heteroskedasticity-robust standard errors (HC3, MacKinnon & White
 * 1985; recommended for small samples by Long & Ervin 2000, The American Statistician 54(3)).
 *
 *   β̂ = (XᵀX)⁻¹Xᵀy        (solved by QR, ml-matrix)
 *   V̂_HC3 = (XᵀX)⁻¹ Xᵀ diag(eᵢ² / (1 − hᵢᵢ)²) X (XᵀX)⁻¹,   hᵢᵢ = xᵢᵀ(XᵀX)⁻¹xᵢ
 *
 * Confidence intervals and p-values use Student's t with n − p degrees of freedom (p counts the
 * intercept). Standardized coefficients are β̂ⱼ · sd(xⱼ) / sd(y) over the fitted rows, for each design
 * column as it enters the model (an interaction's column is the product, so its standardized value is
 * the product column's — it is not the coefficient of a model on standardized variables); the
 * intercept has none. Throws a ConfigError when the columns are collinear or an observation has
 * leverage 1 (HC3 is then undefined).
 */
import { inverse, Matrix, QrDecomposition, SingularValueDecomposition } from 'ml-matrix';
import { ConfigError } from '../errors.ts';
import { tCritical, twoSidedP } from './student-t.ts';

export interface Coefficient {
  term: string;
  estimate: number;
  /** HC3 standard error. */
  se: number;
  low: number;
  high: number;
  t: number;
  p: number;
  /** Standardized coefficient (null for the intercept). */
  beta: number | null;
}

export interface OlsResult {
  n: number;
  /** Residual degrees of freedom, n − p. */
  df: number;
  coefficients: Coefficient[];
  /** The HC3 covariance matrix of the estimates, in the order of `coefficients`. */
  covariance: number[][];
  r2: number;
  confidence: number;
}

export const INTERCEPT = '(Intercept)';

function sampleSd(values: readonly number[]): number {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1));
}

/** Fits y on the design `rows` (each row: one value per column, the intercept column included). */
export function fitOls(
  rows: readonly (readonly number[])[],
  y: readonly number[],
  columns: readonly string[],
  options: { confidence?: number } = {},
): OlsResult {
  const confidence = options.confidence ?? 0.95;
  const n = rows.length;
  const p = columns.length;
  if (y.length !== n) throw new RangeError(`fitOls: ${n} design rows but ${y.length} outcomes`);
  if (n <= p) throw new ConfigError(`cannot fit ${p} coefficients on ${n} participants`);
  const X = new Matrix(rows.map((row) => [...row]));
  if (X.columns !== p) throw new RangeError(`fitOls: design has ${X.columns} columns, names ${p}`);
  // Collinearity: condition number of X with unit-norm columns (scale-free).
  const norms = columns.map((_, j) => Math.hypot(...X.getColumn(j)) || 1);
  const scaled = X.clone().divRowVector(norms);
  const svd = new SingularValueDecomposition(scaled, { computeLeftSingularVectors: false, computeRightSingularVectors: false });
  const qr = new QrDecomposition(X);
  if (!qr.isFullRank() || svd.condition > 1e10) {
    throw new ConfigError(`the model's predictors are collinear (${columns.join(', ')}): drop or combine some`, {
      hint: 'a predictor that is constant among the participants, or equal to a combination of others, cannot be estimated',
    });
  }
  const Y = Matrix.columnVector([...y]);
  const estimates = qr.solve(Y).getColumn(0);
  const bread = inverse(X.transpose().mmul(X));
  const residuals = y.map((value, i) => value - rows[i]!.reduce((s, x, j) => s + x * estimates[j]!, 0));
  // Meat: Σ wᵢ xᵢ xᵢᵀ with wᵢ = eᵢ² / (1 − hᵢᵢ)².
  const meat = Matrix.zeros(p, p);
  for (let i = 0; i < n; i++) {
    const x = Matrix.rowVector([...rows[i]!]);
    const leverage = x.mmul(bread).mmul(x.transpose()).get(0, 0);
    if (leverage > 1 - 1e-10) {
      throw new ConfigError('one participant determines a coefficient alone (leverage 1): HC3 standard errors are undefined', {
        hint: 'a predictor or interaction is non-zero for a single participant; drop it or collect more data',
      });
    }
    const w = residuals[i]! ** 2 / (1 - leverage) ** 2;
    meat.add(x.transpose().mmul(x).mul(w));
  }
  const covariance = bread.mmul(meat).mmul(bread).to2DArray();
  const df = n - p;
  const critical = tCritical(confidence, df);
  const sdY = sampleSd(y);
  const meanY = y.reduce((s, v) => s + v, 0) / n;
  const total = y.reduce((s, v) => s + (v - meanY) ** 2, 0);
  const rss = residuals.reduce((s, e) => s + e * e, 0);
  const coefficients = columns.map((term, j): Coefficient => {
    const estimate = estimates[j]!;
    const se = Math.sqrt(covariance[j]![j]!);
    const t = estimate / se;
    const sdX = sampleSd(X.getColumn(j));
    return {
      term,
      estimate,
      se,
      low: estimate - critical * se,
      high: estimate + critical * se,
      t,
      p: twoSidedP(t, df),
      beta: term === INTERCEPT || sdX === 0 || sdY === 0 ? null : (estimate * sdX) / sdY,
    };
  });
  return { n, df, coefficients, covariance, r2: total === 0 ? 0 : 1 - rss / total, confidence };
}
