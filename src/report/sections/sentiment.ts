/** Sentiment change (last three − first three user messages) per group, with bootstrap intervals. */
import { GROUPS, type StudySummary } from '../../aggregate/summary-schema.ts';
import { barChart } from '../charts.ts';
import { type Figure, figure, meanColumns, meanDatum, nText, table } from '../html.ts';
import type { Dictionary } from '../i18n.ts';

export async function sentimentFigure(study: StudySummary, d: Dictionary): Promise<Figure> {
  const section = study.sentiment_trajectory;
  const data = GROUPS.map((group) => meanDatum(d.label(group), section.groups[group], d));
  const reach = Math.max(0.5, ...data.flatMap((x) => [Math.abs(x.low ?? 0), Math.abs(x.high ?? 0)]));
  const edge = Math.min(2, Math.ceil(reach * 4) / 4 + 0.25);
  const title = d.t('sentiment');
  const svg = await barChart(data, { title, xTitle: d.t('sentimentAxis'), domain: [-edge, edge], percent: false });
  const tableHtml = table(
    `${title} (N = ${nText(section.n_conversations, d)})`,
    [d.t('group'), d.t('mean'), d.t('interval'), d.t('conversations'), d.t('participants')],
    GROUPS.map((group) => [d.label(group), ...meanColumns(section.groups[group], d)]),
    d,
  );
  const note = d.t('sentimentNote', { min: section.min_user_messages, resamples: section.resamples });
  return { id: 'sentiment', title, svgs: [svg], html: figure('sentiment', title, note, [svg], tableHtml, d) };
}
