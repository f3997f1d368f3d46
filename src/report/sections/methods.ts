/** Methods, generated from the run: population, exclusions, thresholds, backend, redaction, definitions, validation. */
import type { AnalyzeSummary } from '../../analyze.ts';
import { FACET_DEFINITIONS } from '../../facets/definitions.ts';
import type { EvalTable } from '../eval-table.ts';
import { decimal, escapeHtml, table } from '../html.ts';
import type { Dictionary } from '../i18n.ts';

export function validationTable(evaluation: EvalTable | undefined, d: Dictionary): string {
  if (!evaluation) return `<p class="note">${escapeHtml(d.t('validationNone'))}</p>`;
  const meta = d.t('validationMeta', { backend: evaluation.backend, commit: evaluation.commit, date: evaluation.date });
  const rows = evaluation.rows.map((row) => [
    row.facet,
    row.metric,
    decimal(row.value, 3),
    row.baseline === null ? '—' : `${decimal(row.baseline, 3)} (${row.baselineName})`,
    row.dataset,
    String(row.n),
  ]);
  const header = [d.t('facet'), d.t('metric'), d.t('value'), d.t('baseline'), d.t('dataset'), d.t('N')];
  return `<p class="note">${escapeHtml(meta)}</p><details><summary>${escapeHtml(d.t('validation'))} (${rows.length})</summary>${table(d.t('validation'), header, rows, d)}</details>`;
}

export function methodsSection(summary: AnalyzeSummary, evaluation: EvalTable | undefined, d: Dictionary): string {
  const { study } = summary;
  const total = study.prevalence.all.n_conversations;
  const excluded = total - study.prevalence.non_content_creation.n_conversations;
  const p = (text: string) => `<p class="note">${escapeHtml(text)}</p>`;
  const redacted = Object.entries(summary.import.redacted ?? {}).map(([type, n]) => [`[${type}]`, String(n)]);
  const sources = Object.entries(summary.store.bySource).map(([source, n]) => [source, String(n ?? 0)]);
  const languages = summary.languages.map((cell) => [
    cell.language,
    cell.suppressed ? d.t('suppressed') : String(cell.conversations),
  ]);
  const definitions = FACET_DEFINITIONS.map(
    (facet) =>
      `<dt><code>${escapeHtml(facet.id)}</code> (${escapeHtml(facet.unit)})</dt><dd>${escapeHtml(facet.definition)}</dd>`,
  ).join('');
  return `<section id="methods"><h2>${escapeHtml(d.t('methods'))}</h2>
<h3>${escapeHtml(d.t('population'))}</h3>
${p(d.t('populationText', { c: study.n_conversations, p: study.n_participants, seed: study.seed, date: summary.generated_at }))}
${p(`${d.t('backend')}: ${summary.backend}`)}
${table(d.t('bySource'), [d.t('source'), d.t('conversations')], sources, d)}
${table(d.t('byLanguage'), [d.t('category'), d.t('conversations')], languages, d)}
<h3>${escapeHtml(d.t('exclusions'))}</h3>
${p(d.t('exclusionsText', { n: excluded, total }))}
<h3>${escapeHtml(d.t('thresholds'))}</h3>
${p(d.t('thresholdsText', { ku: summary.thresholds.k_users, kc: summary.thresholds.k_conversations }))}
${table(d.t('redaction'), [d.t('placeholder'), d.t('count')], redacted, d)}
<h3>${escapeHtml(d.t('definitions'))}</h3>
<dl>${definitions}</dl>
<h3>${escapeHtml(d.t('validation'))}</h3>
${validationTable(evaluation, d)}
</section>`;
}
