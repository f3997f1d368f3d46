/** Long conversations: their share of all conversations, their type mix, and drift to companionship. */
import { GROUPS, type StudySummary } from '../../aggregate/summary-schema.ts';
import { barChart } from '../charts.ts';
import { type Figure, figure, nText, shareColumns, shareDatum, shareDomain, table } from '../html.ts';
import type { Dictionary } from '../i18n.ts';

export async function longConversationsFigure(study: StudySummary, d: Dictionary): Promise<Figure> {
  const section = study.long_conversations;
  const drift = `${d.t('drift')} (${section.drift.from.map((type) => d.label(type)).join(', ')} → ${d.label(section.drift.to)})`;
  const rows = [
    { label: d.t('longShare'), cell: section.long },
    ...GROUPS.map((group) => ({ label: d.label(group), cell: section.types[group] })),
    { label: drift, cell: section.drift },
  ];
  const data = rows.map((row) => shareDatum(row.label, '', row.cell, d));
  const title = d.t('long');
  const svg = await barChart(data, { title, xTitle: d.t('share'), domain: shareDomain(data), percent: true });
  const tableHtml = table(
    `${title} (N = ${nText(section.n_conversations, d)})`,
    [d.t('category'), d.t('share'), d.t('interval'), d.t('conversations'), d.t('participants')],
    rows.map((row) => [row.label, ...shareColumns(row.cell, d)]),
    d,
  );
  const note = d.t('longNote', { min: section.min_user_messages });
  return { id: 'long-conversations', title, svgs: [svg], html: figure('long-conversations', title, note, [svg], tableHtml, d) };
}
