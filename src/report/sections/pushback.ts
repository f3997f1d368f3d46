/** Pushback rate per group (affective types and not affective) with intervals, and the reasons table. */
import { GROUPS, type StudySummary } from '../../aggregate/summary-schema.ts';
import { barChart } from '../charts.ts';
import { type Figure, figure, nText, shareColumns, shareDatum, shareDomain, table } from '../html.ts';
import type { Dictionary } from '../i18n.ts';

export async function pushbackFigure(study: StudySummary, d: Dictionary): Promise<Figure> {
  const { pushback } = study;
  const data = GROUPS.map((group) => shareDatum(d.label(group), '', pushback.groups[group].rate, d));
  const title = d.t('pushback');
  const svg = await barChart(data, { title, xTitle: d.t('share'), domain: shareDomain(data), percent: true });
  const rates = table(
    `${title} (N = ${nText(pushback.n_conversations, d)})`,
    [d.t('group'), d.t('share'), d.t('interval'), d.t('conversations'), d.t('participants')],
    GROUPS.map((group) => [d.label(group), ...shareColumns(pushback.groups[group].rate, d)]),
    d,
  );
  const reasons = table(
    d.t('reasons'),
    [d.t('group'), d.t('reason'), d.t('share'), d.t('interval'), d.t('conversations'), d.t('participants')],
    GROUPS.flatMap((group) =>
      pushback.groups[group].reasons.map((cell) => [d.label(group), d.label(cell.category), ...shareColumns(cell, d)]),
    ),
    d,
  );
  return {
    id: 'pushback',
    title,
    svgs: [svg],
    html: figure('pushback', title, d.t('pushbackNote'), [svg], rates + reasons, d),
  };
}
