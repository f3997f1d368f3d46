/** Limitations: facet accuracy (the weakest measured results), associations not causation, UTC night-time. */
import { type EvalTable, weakSpots } from '../eval-table.ts';
import { decimal, escapeHtml, table } from '../html.ts';
import type { Dictionary } from '../i18n.ts';

export function limitationsSection(evaluation: EvalTable | undefined, d: Dictionary): string {
  const items = ['limAssoc', 'limFacets', 'limSilver', 'limNight', 'limSuppression'] as const;
  const weak = evaluation ? weakSpots(evaluation) : [];
  const weakTable = weak.length
    ? table(
        d.t('limWeak'),
        [d.t('facet'), d.t('metric'), d.t('value'), d.t('dataset'), d.t('N')],
        weak.map((row) => [row.facet, row.metric, decimal(row.value, 3), row.dataset, String(row.n)]),
        d,
      )
    : '';
  return `<section id="limitations"><h2>${escapeHtml(d.t('limitations'))}</h2>
<ul>${items.map((key) => `<li>${escapeHtml(d.t(key))}</li>`).join('')}</ul>
${weakTable}
</section>`;
}
