/** Type mix: the share of affective conversations and of each type, on both bases, with intervals. */
import type { StudySummary } from '../../aggregate/summary-schema.ts';
import { AFFECTIVE_TYPES } from '../../facets/definitions.ts';
import { type BarDatum, barChart } from '../charts.ts';
import { type Figure, figure, nText, shareColumns, shareDatum, shareDomain, table } from '../html.ts';
import type { Dictionary } from '../i18n.ts';

export async function prevalenceFigure(study: StudySummary, d: Dictionary): Promise<Figure> {
  const { prevalence } = study;
  const bases = [
    { name: `${d.t('baseAll')} (N = ${nText(prevalence.all.n_conversations, d)})`, block: prevalence.all },
    {
      name: `${d.t('baseNcc')} (N = ${nText(prevalence.non_content_creation.n_conversations, d)})`,
      block: prevalence.non_content_creation,
    },
  ];
  const rows: { label: string; base: string; cell: (typeof prevalence.all)['affective'] }[] = [];
  for (const { name, block } of bases) {
    rows.push({ label: d.t('anyAffective'), base: name, cell: block.affective });
    for (const type of AFFECTIVE_TYPES) rows.push({ label: d.label(type), base: name, cell: block.types[type] });
  }
  const data: BarDatum[] = rows.map((row) => shareDatum(row.label, row.base, row.cell, d));
  const title = d.t('prevalence');
  const svg = await barChart(data, {
    title,
    xTitle: d.t('share'),
    domain: shareDomain(data),
    percent: true,
    seriesTitle: d.t('base'),
  });
  const tableHtml = table(
    title,
    [d.t('category'), d.t('base'), d.t('share'), d.t('interval'), d.t('conversations'), d.t('participants')],
    rows.map((row) => [row.label, row.base, ...shareColumns(row.cell, d)]),
    d,
  );
  return { id: 'prevalence', title, svgs: [svg], html: figure('prevalence', title, d.t('prevalenceNote'), [svg], tableHtml, d) };
}
