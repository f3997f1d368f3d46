/**
 * report.html: one self-contained file (inline CSS and SVG, no network), a pure function of the run
 * summary (and the eval table). It never receives message text, so it cannot leak any.
 */

import type { StudySummary } from '../aggregate/summary-schema.ts';
import type { AnalyzeSummary } from '../analyze.ts';
import type { EvalTable } from './eval-table.ts';
import { escapeHtml, type Figure } from './html.ts';
import { dictionary, type Lang } from './i18n.ts';
import { cueRatesFigure } from './sections/cue-rates.ts';
import { dataSection } from './sections/data.ts';
import { intensityFigure } from './sections/intensity.ts';
import { limitationsSection } from './sections/limitations.ts';
import { longConversationsFigure } from './sections/long-conversations.ts';
import { methodsSection } from './sections/methods.ts';
import { prevalenceFigure } from './sections/prevalence.ts';
import { pushbackFigure } from './sections/pushback.ts';
import { sentimentFigure } from './sections/sentiment.ts';
import { topicsFigure } from './sections/topics.ts';
import { REPORT_CSS } from './styles.ts';

export type { EvalTable } from './eval-table.ts';
export type { Lang } from './i18n.ts';

export interface RenderOptions {
  lang: Lang;
  evaluation?: EvalTable;
}

/** The seven study figures (charts + tables), in report order; the dashboard serves the same. */
export async function renderFigures(study: StudySummary, lang: Lang): Promise<Figure[]> {
  const d = dictionary(lang);
  return [
    await prevalenceFigure(study, d),
    await pushbackFigure(study, d),
    await sentimentFigure(study, d),
    await longConversationsFigure(study, d),
    await intensityFigure(study, d),
    await cueRatesFigure(study, d),
    topicsFigure(study, d),
  ];
}

export async function renderReport(summary: AnalyzeSummary, options: RenderOptions = { lang: 'en' }): Promise<string> {
  const d = dictionary(options.lang);
  const figures = await renderFigures(summary.study, options.lang);
  const nav = [...figures.map((f) => [f.id, f.title]), ['methods', d.t('methods')], ['limitations', d.t('limitations')]]
    .map(([id, title]) => `<a href="#${escapeHtml(id)}">${escapeHtml(title)}</a>`)
    .join(' ');
  return `<!doctype html>
<html lang="${options.lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(d.t('title'))}</title>
<style>${REPORT_CSS}</style></head><body>
<h1>${escapeHtml(d.t('title'))}</h1>
<p class="note">${escapeHtml(d.t('run'))} <code>${escapeHtml(summary.run_id)}</code>, ${escapeHtml(summary.generated_at)}; ${escapeHtml(d.t('backend'))} <strong>${escapeHtml(summary.backend)}</strong>; N = ${summary.study.n_conversations} ${escapeHtml(d.t('conversations'))}, ${summary.study.n_participants} ${escapeHtml(d.t('participants'))}; k = ${summary.thresholds.k_users} / ${summary.thresholds.k_conversations}.</p>
<p class="note">${escapeHtml(d.t('intro'))}</p>
<nav>${nav}</nav>
${figures.map((f) => f.html).join('\n')}
${dataSection(summary, d)}
${methodsSection(summary, options.evaluation, d)}
${limitationsSection(options.evaluation, d)}
</body></html>
`;
}
