/** The data: store totals and this run's input (files, conversations, problems), counts only. */
import type { AnalyzeSummary } from '../../analyze.ts';
import { escapeHtml, table } from '../html.ts';
import type { Dictionary } from '../i18n.ts';

export function dataSection(summary: AnalyzeSummary, d: Dictionary): string {
  const { import: imported, store } = summary;
  const totals = [
    [d.t('conversations'), String(store.conversations)],
    [d.t('messages'), String(store.messages)],
    [d.t('userMessages'), String(store.userMessages)],
    [d.t('participants'), String(store.participants)],
  ];
  // Import measures keep their English names (they are the CLI's words); problems are listed by code.
  const input = [
    ['files read', imported.files - imported.filesAlreadyImported],
    ['files already imported', imported.filesAlreadyImported],
    ['conversations read', imported.conversations],
    ['new in the store', imported.inserted],
    ['updated', imported.updated],
    ['records skipped', imported.skipped],
    ['records kept after a repair', imported.warnings],
    ...Object.entries(imported.issues).map(([code, n]) => [`issue: ${code}`, n ?? 0]),
  ].map(([name, n]) => [String(name), String(n)]);
  return `<section id="data"><h2>${escapeHtml(d.t('data'))}</h2>
${table(d.t('totals'), [d.t('measure'), d.t('count')], totals, d)}
${table('import', [d.t('measure'), d.t('count')], input, d)}
</section>`;
}
