/**
 * Simple mediation X → M → Y (Baron & Kenny's paths, with Preacher & Hayes's (2008, Behavior Research
 * Methods 40(3)) percentile bootstrap of the indirect effect):
 *
 *   a path:  M ~ X + covariates            (a = coefficient of X)
 *   b path:  Y ~ M + X + covariates        (b = coefficient of M; c′ = coefficient of X, the direct effect)
 *   total:   Y ~ X + covariates            (c = a·b + c′ exactly, in OLS)
 *   indirect effect a·b, interval: percentile bootstrap over participants (rows resampled with
 *   replacement; default 1,000 resamples, seed 1; src/stats/bootstrap.ts).
 *
 * The a, b, c and c′ rows carry HC3 standard errors from their own OLS fits. Listwise deletion over
 * X, M, Y and the covariates, so every path uses the same participants.
 */
import { Matrix, QrDecomposition } from 'ml-matrix';
import { ConfigError } from '../errors.ts';
import { bootstrapInterval } from '../stats/bootstrap.ts';
import { fitModel, listwise, type Observation } from './design.ts';
import type { Formula, MediationSpec } from './formula.ts';
import type { Coefficient } from './ols.ts';

export interface MediationResult {
  spec: MediationSpec;
  n: number;
  excluded: Record<string, number>;
  a: Coefficient;
  b: Coefficient;
  direct: Coefficient;
  total: Coefficient;
  indirect: { estimate: number; low: number; high: number; resamples: number; seed: number; confidence: number };
}

export interface MediationOptions {
  resamples?: number;
  seed?: number;
  confidence?: number;
  minimumN: number;
}

function formula(outcome: string, predictors: readonly string[]): Formula {
  return { outcome, terms: predictors.map((name) => [name]), variables: [outcome, ...predictors] };
}

/** Least-squares coefficients (QR), without standard errors: the bootstrap's inner loop. */
function coefficients(rows: number[][], y: number[]): number[] | undefined {
  const qr = new QrDecomposition(new Matrix(rows));
  if (!qr.isFullRank()) return undefined;
  return qr.solve(Matrix.columnVector(y)).getColumn(0);
}

export function mediate(observations: readonly Observation[], spec: MediationSpec, options: MediationOptions): MediationResult {
  const { x, m, y, covariates } = spec;
  const { kept, excluded } = listwise(observations, [x, m, y, ...covariates]);
  const fitOptions = {
    minimumN: options.minimumN,
    ...(options.confidence === undefined ? {} : { confidence: options.confidence }),
  };
  const aFit = fitModel(formula(m, [x, ...covariates]), kept, fitOptions);
  const bFit = fitModel(formula(y, [m, x, ...covariates]), kept, fitOptions);
  const cFit = fitModel(formula(y, [x, ...covariates]), kept, fitOptions);
  const get = (name: string) => (o: Observation) => o.values[name] as number;
  const X = kept.map(get(x));
  const M = kept.map(get(m));
  const Y = kept.map(get(y));
  const C = covariates.map((name) => kept.map(get(name)));
  const indirectOf = (indices: readonly number[]): number => {
    const aRows = indices.map((i) => [1, X[i]!, ...C.map((column) => column[i]!)]);
    const bRows = indices.map((i) => [1, M[i]!, X[i]!, ...C.map((column) => column[i]!)]);
    const a = coefficients(
      aRows,
      indices.map((i) => M[i]!),
    );
    const b = coefficients(
      bRows,
      indices.map((i) => Y[i]!),
    );
    return a && b ? a[1]! * b[1]! : Number.NaN;
  };
  const seed = options.seed ?? 1;
  const resamples = options.resamples ?? 1000;
  const confidence = options.confidence ?? 0.95;
  let interval: ReturnType<typeof bootstrapInterval>;
  try {
    interval = bootstrapInterval(
      kept.map((_, i) => i),
      indirectOf,
      { seed, resamples, confidence },
    );
  } catch (error) {
    throw new ConfigError(`mediation ${x} -> ${m} -> ${y}: a bootstrap resample could not be fitted (collinear)`, {
      hint: 'a binary or rare predictor can be constant in a resample; collect more data or drop it',
      cause: error,
    });
  }
  return {
    spec,
    n: kept.length,
    excluded,
    a: aFit.ols.coefficients[1]!,
    b: bFit.ols.coefficients[1]!,
    direct: bFit.ols.coefficients[2]!,
    total: cFit.ols.coefficients[1]!,
    indirect: { estimate: interval.estimate, low: interval.low, high: interval.high, resamples, seed, confidence },
  };
}
