/**
 * The study's one results table (wellbeing.csv and the report): the model's coefficients, the simple
 * slopes and the mediation paths, each row with estimate, HC3 SE, CI, t, p, standardized β and N.
 * Only model-level statistics: no row describes a single participant.
 */
import type { ModelFit } from './design.ts';
import type { MediationResult } from './mediation.ts';
import type { Moderation } from './moderation.ts';
import type { Coefficient } from './ols.ts';

export interface ResultRow {
  section: 'model' | 'simple slope' | 'mediation';
  model: string;
  term: string;
  estimate: number;
  se: number | null;
  low: number;
  high: number;
  t: number | null;
  p: number | null;
  beta: number | null;
  n: number;
}

const fromCoefficient = (section: ResultRow['section'], model: string, term: string, c: Coefficient, n: number): ResultRow => ({
  section,
  model,
  term,
  estimate: c.estimate,
  se: c.se,
  low: c.low,
  high: c.high,
  t: c.t,
  p: c.p,
  beta: c.beta,
  n,
});

export function resultRows(fit: ModelFit, moderation?: Moderation, mediation?: MediationResult): ResultRow[] {
  const rows = fit.ols.coefficients.map((c) => fromCoefficient('model', fit.label, c.term, c, fit.n));
  if (moderation) {
    for (const s of moderation.slopes) {
      rows.push({
        section: 'simple slope',
        model: fit.label,
        term: `${moderation.focal} at ${moderation.moderator} ${s.level} (${s.moderatorValue.toPrecision(4)})`,
        estimate: s.slope,
        se: s.se,
        low: s.low,
        high: s.high,
        t: s.t,
        p: s.p,
        beta: null,
        n: fit.n,
      });
    }
  }
  if (mediation) {
    const { x, m, y, covariates } = mediation.spec;
    const label = `${x} -> ${m} -> ${y}${covariates.length > 0 ? ` | ${covariates.join(' + ')}` : ''}`;
    rows.push(fromCoefficient('mediation', label, `a (${x} → ${m})`, mediation.a, mediation.n));
    rows.push(fromCoefficient('mediation', label, `b (${m} → ${y} | ${x})`, mediation.b, mediation.n));
    rows.push(fromCoefficient('mediation', label, `c′ direct (${x} → ${y} | ${m})`, mediation.direct, mediation.n));
    rows.push(fromCoefficient('mediation', label, `c total (${x} → ${y})`, mediation.total, mediation.n));
    const { indirect } = mediation;
    rows.push({
      section: 'mediation',
      model: label,
      term: `indirect a·b (percentile bootstrap, ${indirect.resamples} resamples)`,
      estimate: indirect.estimate,
      se: null,
      low: indirect.low,
      high: indirect.high,
      t: null,
      p: null,
      beta: null,
      n: mediation.n,
    });
  }
  return rows;
}

const CSV_HEADER = ['section', 'model', 'term', 'estimate', 'se_hc3', 'ci_low', 'ci_high', 't', 'p', 'std_beta', 'n'];

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : value;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function resultsCsv(rows: readonly ResultRow[]): string {
  const lines = rows.map((r) =>
    [r.section, r.model, r.term, r.estimate, r.se, r.low, r.high, r.t, r.p, r.beta, r.n].map(csvCell).join(','),
  );
  return `${[CSV_HEADER.join(','), ...lines].join('\n')}\n`;
}
