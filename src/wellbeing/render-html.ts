/**
 * wellbeing.html: one self-contained page (inline CSS and SVG, no scripts, nothing fetched) with the
 * results table, the moderation plot, the survey problems counted by kind, and the methods. It names
 * no participant: survey problems appear as counts only (wellbeing.json lists them by pseudonym).
 */
import type { WellbeingResult } from './study.ts';

const escapeHtml = (value: unknown) =>
  String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const fmt = (value: number | null, digits = 3) =>
  value === null || !Number.isFinite(value)
    ? '—'
    : Math.abs(value) >= 1e4 || (value !== 0 && Math.abs(value) < 1e-3)
      ? value.toExponential(2)
      : value.toFixed(digits);
const fmtP = (p: number | null) => (p === null ? '—' : p < 0.001 ? '< 0.001' : p.toFixed(3));

function resultsTable(result: WellbeingResult): string {
  const head = ['', 'term', 'estimate', 'SE (HC3)', 'CI low', 'CI high', 't', 'p', 'std. β', 'N'];
  const body = result.table
    .map(
      (r) =>
        `<tr><td>${escapeHtml(r.section)}</td><th scope="row">${escapeHtml(r.term)}</th><td>${fmt(r.estimate)}</td><td>${fmt(r.se)}</td><td>${fmt(r.low)}</td><td>${fmt(r.high)}</td><td>${fmt(r.t, 2)}</td><td>${fmtP(r.p)}</td><td>${fmt(r.beta)}</td><td>${r.n}</td></tr>`,
    )
    .join('');
  return `<table><caption>${escapeHtml(result.model.label)}${result.mediation ? ` · mediation ${escapeHtml(result.table.at(-1)?.model ?? '')}` : ''}</caption><thead><tr>${head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${body}</tbody></table>`;
}

function countsTable(caption: string, counts: Record<string, number | undefined>): string {
  const entries = Object.entries(counts).filter(([, n]) => (n ?? 0) > 0);
  if (entries.length === 0) return `<p>${escapeHtml(caption)}: none.</p>`;
  const body = entries.map(([kind, n]) => `<tr><th scope="row">${escapeHtml(kind)}</th><td>${n}</td></tr>`).join('');
  return `<table><caption>${escapeHtml(caption)}</caption><tbody>${body}</tbody></table>`;
}

export function renderWellbeingHtml(result: WellbeingResult, svg: string): string {
  const { survey, model, mediation, settings } = result;
  const methods = `
<p>These estimates are <strong>associations in observational data</strong>: participants chose how they use AI chat and
answered the survey once, so no coefficient here shows that a kind of use causes a change in well-being, and the mediation
paths are a decomposition of associations under the model's assumptions, not evidence of a causal mechanism.</p>
<p><strong>Participants.</strong> Survey ids are matched to the donated logs by hashing them with the store's participant key
under the scopes the import uses (<code>--participant</code> ids and per-record ids); only pseudonyms are kept. ${survey.rows}
survey rows, ${survey.matched} participants with donated logs; N per model after listwise deletion is given in the table.</p>
<p><strong>Missing data.</strong> A non-numeric or out-of-range answer is reported and treated as a missing answer, never as 0.
A scale is scored when at least its minimum number of items is validly answered (mean scoring: mean of the answered items;
sum scoring: the sum, prorated as mean × number of items when the definition allows it); otherwise the scale is missing for
that participant. Rows without an id, or with an id on several rows, are left out. Each model uses only participants with
every variable it names (listwise deletion); models are refused below ${settings.minimumN} participants (5 × k-users).</p>
<p><strong>Models.</strong> Ordinary least squares with HC3 heteroskedasticity-consistent standard errors (MacKinnon &amp; White
1985; Long &amp; Ervin 2000); ${Math.round(settings.confidence * 100)}% intervals and two-sided p-values from Student's t with
n − p degrees of freedom. Standardized β = b · sd(column) / sd(outcome) (for an interaction, the product column).
${result.moderation ? `Simple slopes of ${escapeHtml(result.moderation.focal)} at the mean and mean ± 1 SD of ${escapeHtml(result.moderation.moderator)} (other variables at their means), with HC3 standard errors of the linear combination.` : ''}
${mediation ? `Mediation: a path M ~ X, b path Y ~ M + X (with the covariates), indirect effect a·b with a percentile bootstrap interval over participants (${mediation.indirect.resamples} resamples, seed ${mediation.indirect.seed}).` : ''}
Usage dimensions come from the facet records (${escapeHtml(settings.facetRun)}).</p>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>affectlens · well-being study</title>
<style>body{font-family:system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;margin:1rem 0;font-size:.9rem}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:right}
th[scope=row]{text-align:left;font-weight:normal}caption{text-align:left;font-weight:bold;padding:.25rem 0}code{font-size:.9em}</style>
</head><body>
<h1>Well-being study</h1>
<p>Model: <code>${escapeHtml(model.label)}</code>, N = ${model.n}, R² = ${fmt(model.r2)}.</p>
<h2>Estimates</h2>
${resultsTable(result)}
<h2>Moderation</h2>
<figure>${svg}</figure>
<h2>Survey problems</h2>
${countsTable('Survey problems by kind (participants appear in wellbeing.json as pseudonyms only)', survey.errorCounts)}
${countsTable(`Participants left out of the model, by the first missing variable`, model.excluded)}
<h2>Methods</h2>
${methods}
</body></html>
`;
}
