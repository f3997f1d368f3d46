/** HTML building blocks of the report: escaping, number formats, tables and figures (chart + table). */
import type { MeanCell, ShareCell } from '../aggregate/summary-schema.ts';
import type { BarDatum } from './charts.ts';
import type { Dictionary } from './i18n.ts';

export const escapeHtml = (value: unknown) =>
  String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** Raw HTML, already escaped (table cells that are not plain text). */
export interface Html {
  html: string;
}
export const raw = (html: string): Html => ({ html });
const cellHtml = (value: string | number | Html) => (typeof value === 'object' ? value.html : escapeHtml(value));

export const percent = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);
export const decimal = (value: number | null, digits = 2) => (value === null ? '—' : value.toFixed(digits));
/** A population size; null when the population itself is below the thresholds (a dashboard drill-down). */
export const nText = (value: number | null, d: Dictionary) => (value === null ? d.t('suppressed') : String(value));
export const countText = (value: number | null) => (value === null ? '—' : String(value));

export const suppressedMark = (d: Dictionary) => raw(`<span class="suppressed">${escapeHtml(d.t('suppressed'))}</span>`);

export function table(
  caption: string,
  header: readonly string[],
  rows: readonly (readonly (string | number | Html)[])[],
  d: Dictionary,
) {
  const head = header.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const body = rows.length
    ? rows
        .map(
          ([first, ...rest]) =>
            `<tr><th scope="row">${cellHtml(first ?? '')}</th>${rest.map((v) => `<td>${cellHtml(v)}</td>`).join('')}</tr>`,
        )
        .join('')
    : `<tr><td colspan="${header.length}">${escapeHtml(d.t('none'))}</td></tr>`;
  return `<table><caption>${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** A chart with the table behind it (in <details>) and an explanatory note. */
export function figure(id: string, title: string, note: string, svgs: readonly string[], tableHtml: string, d: Dictionary) {
  return `<section class="figure" id="${escapeHtml(id)}"><h2>${escapeHtml(title)}</h2><p class="note">${escapeHtml(note)}</p>
<div class="chart" role="img" aria-label="${escapeHtml(title)}">${svgs.join('\n')}</div>
<details><summary>${escapeHtml(d.t('tableBehind'))}</summary>${tableHtml}</details></section>`;
}

/** The table columns of a share cell: share, interval, conversations, participants (or "suppressed"). */
export function shareColumns(cell: ShareCell, d: Dictionary): (string | Html)[] {
  if (cell.suppressed) return [suppressedMark(d), '', '', ''];
  return [
    percent(cell.estimate),
    `${percent(cell.low)}–${percent(cell.high)}`,
    countText(cell.conversations),
    countText(cell.participants),
  ];
}

export function meanColumns(cell: MeanCell, d: Dictionary): (string | Html)[] {
  if (cell.suppressed) return [suppressedMark(d), '', '', ''];
  return [
    decimal(cell.mean),
    `${decimal(cell.low)} – ${decimal(cell.high)}`,
    countText(cell.conversations),
    countText(cell.participants),
  ];
}

export function shareDatum(category: string, series: string, cell: ShareCell, d: Dictionary): BarDatum {
  return cell.suppressed || cell.estimate === null
    ? { category, series, value: null, low: null, high: null, text: d.t('suppressed'), suppressed: true }
    : { category, series, value: cell.estimate, low: cell.low, high: cell.high, text: percent(cell.estimate), suppressed: false };
}

export function meanDatum(category: string, cell: MeanCell, d: Dictionary): BarDatum {
  return cell.suppressed || cell.mean === null
    ? { category, series: '', value: null, low: null, high: null, text: d.t('suppressed'), suppressed: true }
    : { category, series: '', value: cell.mean, low: cell.low, high: cell.high, text: decimal(cell.mean), suppressed: false };
}

/** A share axis that fits the largest interval (with room for the value text), at most 0–100%. */
export function shareDomain(data: readonly BarDatum[]): [number, number] {
  const top = Math.max(0.05, ...data.map((x) => x.high ?? x.value ?? 0));
  return [0, Math.min(1, Math.ceil(top * 12) / 10)];
}

/** One section of the report (and of the dashboard): its anchor, its SVG charts and its full HTML. */
export interface Figure {
  id: string;
  title: string;
  svgs: string[];
  html: string;
}
