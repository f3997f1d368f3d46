/**
 * The dashboard page: plain HTML + a small inline script (no build step, no network beyond this
 * server). Filters go to /api/charts as a query string; the token, if the page was opened with
 * ?token=, is sent as a bearer header.
 */
import { escapeHtml } from '../report/html.ts';
import { dictionary, type Lang } from '../report/i18n.ts';
import { REPORT_CSS } from '../report/styles.ts';

const SCRIPT = `
const params = new URLSearchParams(location.search);
const token = params.get('token');
const headers = token ? { Authorization: 'Bearer ' + token } : {};
const form = document.getElementById('filters');
const status = document.getElementById('status');
const target = document.getElementById('figures');
async function get(path) {
  const response = await fetch(path, { headers });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}
async function load() {
  const query = new URLSearchParams(new FormData(form));
  query.set('lang', document.documentElement.dataset.lang);
  status.textContent = status.dataset.loading;
  try {
    const body = await get('/api/charts?' + query);
    target.innerHTML = body.figures.map((f) => f.html).join('');
    status.textContent = 'N = ' + body.n_conversations + ' / ' + body.n_participants;
    status.dataset.conversations = body.n_conversations;
  } catch (error) {
    status.textContent = error.message;
  }
}
async function init() {
  const meta = await get('/api/meta');
  const source = form.elements.source;
  for (const name of meta.sources) source.add(new Option(name, name));
  const type = form.elements.type;
  for (const name of meta.types) type.add(new Option(type.dataset[name.replace(/_(.)/g, (m, c) => c.toUpperCase())] || name, name));
  document.getElementById('meta').textContent =
    meta.backend + '; k = ' + meta.thresholds.k_users + ' / ' + meta.thresholds.k_conversations +
    (meta.dateRange.from ? '; ' + meta.dateRange.from.slice(0, 10) + ' – ' + meta.dateRange.to.slice(0, 10) : '');
  form.addEventListener('change', load);
  form.addEventListener('submit', (event) => { event.preventDefault(); load(); });
  await load();
}
init().catch((error) => { status.textContent = error.message; });
`;

export function dashboardPage(lang: Lang): string {
  const d = dictionary(lang);
  const e = (key: Parameters<typeof d.t>[0]) => escapeHtml(d.t(key));
  const typeLabels = ['interpersonal_advice', 'coaching', 'counseling', 'companionship', 'romantic_sexual_roleplay']
    .map((type) => `data-${type.replace(/_/g, '-')}="${escapeHtml(d.label(type))}"`)
    .join(' ');
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}" data-lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${e('dashboard')}</title>
<style>${REPORT_CSS} form{display:flex;gap:1rem;flex-wrap:wrap;align-items:end;padding:.6rem;background:#f4f4f4}
label{display:flex;flex-direction:column;font-size:.9rem}</style></head><body>
<h1>${e('dashboard')}</h1>
<p class="note" id="meta"></p>
<form id="filters">
<label>${e('source')}<select name="source"><option value="">${e('all')}</option></select></label>
<label>${e('from')}<input type="date" name="from"></label>
<label>${e('to')}<input type="date" name="to"></label>
<label>${e('type')}<select name="type" ${typeLabels}><option value="all">${e('all')}</option></select></label>
<button type="submit">${e('apply')}</button>
<output id="status" data-loading="${e('loading')}"></output>
</form>
<p class="note">${e('intro')}</p>
<main id="figures"></main>
<script>${SCRIPT}</script>
</body></html>
`;
}
