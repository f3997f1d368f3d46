/**
 * report.html: one self-contained file (no network needed), a pure function of the run summary.
 * It never receives message text, so it cannot leak any.
 */
import type { AnalyzeSummary } from '../analyze.ts';
import { FACET_DEFINITIONS } from '../facets/definitions.ts';

const escapeHtml = (value: unknown) =>
  String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

function table(caption: string, header: [string, string], rows: [string, number | string][]): string {
  const body = rows.length
    ? rows.map(([name, value]) => `<tr><th scope="row">${escapeHtml(name)}</th><td>${escapeHtml(value)}</td></tr>`).join('')
    : `<tr><td colspan="2">none</td></tr>`;
  return `<table><caption>${escapeHtml(caption)}</caption><thead><tr><th scope="col">${escapeHtml(header[0])}</th><th scope="col">${escapeHtml(header[1])}</th></tr></thead><tbody>${body}</tbody></table>`;
}

const ISSUE_WORDS: Record<string, string> = {
  'invalid-json': 'invalid JSON',
  truncated: 'truncated input',
  'invalid-utf8': 'invalid UTF-8 (repaired)',
  'wrong-shape': 'record of the wrong shape',
  'broken-tree': 'broken conversation tree',
  'empty-conversation': 'empty conversation',
  duplicate: 'duplicate conversation id',
  'element-too-large': 'record over the size limit',
  'message-truncated': 'over-long message cut (kept)',
  'unknown-role': 'unknown speaker role (kept as system)',
  'unrecognised-format': 'file in no known format',
  'unreadable-file': 'unreadable file',
  'trailing-data': 'data after the end of a file (ignored)',
};

export function renderReport(summary: AnalyzeSummary): string {
  const { import: imported, store } = summary;
  const inputRows: [string, number][] = [
    ['files read', imported.files - imported.filesAlreadyImported],
    ['files already imported (unchanged, passed over)', imported.filesAlreadyImported],
    ['files in folders passed over (not conversation files)', imported.filesIgnored],
    ['conversations read', imported.conversations],
    ['new in the store', imported.inserted],
    ['updated (content changed since an earlier import)', imported.updated],
    ['unchanged (already stored)', imported.unchanged],
    ['records skipped', imported.skipped],
    ['records kept after a repair', imported.warnings],
  ];
  const issueRows = Object.entries(imported.issues).map(([code, count]): [string, number] => [
    ISSUE_WORDS[code] ?? code,
    count ?? 0,
  ]);
  const redactedRows = Object.entries(imported.redacted ?? {}).map(([type, count]): [string, number] => [`[${type}]`, count]);
  const sourceRows = Object.entries(store.bySource).map(([source, count]): [string, number] => [source, count ?? 0]);
  const languageRows = summary.languages.map((cell): [string, number | string] => [
    cell.language,
    cell.suppressed ? 'suppressed' : (cell.conversations ?? 0),
  ]);
  const percent = (value: number | null | undefined) =>
    value === null || value === undefined ? '' : `${(value * 100).toFixed(1)}%`;
  const shareText = (cell: { suppressed: boolean; estimate: number | null; low: number | null; high: number | null }) =>
    cell.suppressed ? 'suppressed' : `${percent(cell.estimate)} [${percent(cell.low)}–${percent(cell.high)}]`;
  const prevalence = summary.study.prevalence;
  const prevalenceRows: [string, string][] = [
    ['any affective type', shareText(prevalence.non_content_creation.affective)],
    ...Object.entries(prevalence.non_content_creation.types).map(([type, cell]): [string, string] => [type, shareText(cell)]),
  ];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>affectlens report</title>
<style>
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","WenQuanYi Micro Hei",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;margin:1rem 0;min-width:24rem}caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}td{text-align:right;font-variant-numeric:tabular-nums}
.note{color:#444;font-size:.95rem}
</style></head><body>
<h1>affectlens report</h1>
<p class="note">Run <code>${escapeHtml(summary.run_id)}</code>, ${escapeHtml(summary.generated_at)}; facets by the <strong>${escapeHtml(summary.backend)}</strong> backend.
This report contains counts only: no message text, titles or participant ids.</p>
<h2>The data in the store</h2>
${table(
  'Totals',
  ['measure', 'count'],
  [
    ['conversations', store.conversations],
    ['messages', store.messages],
    ['user messages', store.userMessages],
    ['participants (pseudonymous)', store.participants],
  ],
)}
${table('Conversations by export format', ['format', 'conversations'], sourceRows)}
${table(`Conversations by language (languages below the thresholds pooled as "other")`, ['language', 'conversations'], languageRows)}
<h2>Affective use</h2>
${table(`Share of non-content-creation conversations (N = ${prevalence.non_content_creation.n_conversations}) by affective type, with 95% intervals`, ['type', 'share'], prevalenceRows)}
<p class="note">Every figure, with pushback, sentiment trajectories, long conversations, intensity, cue rates and topics, is in summary.json (study) and aggregates.csv / aggregates.parquet.</p>
<h2>This run's input</h2>
${table('Import', ['measure', 'count'], inputRows)}
${table('Problems found in the input (each listed in quarantine.jsonl by file and position)', ['problem', 'count'], issueRows)}
${table('Personal data replaced by placeholders before storage (this run)', ['placeholder', 'count'], redactedRows)}
<h2>Methods and limitations</h2>
<p class="note">Conversations are read from the exports as the user saw them (for ChatGPT, the branch ending at the last visible message).
Participants are keyed hashes of account ids, or of the export file when the export names no account.
Language is fastText language identification (lid.176) on the user's messages with code and links removed.
Every conversation is labelled with the facets below by the <strong>${escapeHtml(summary.backend)}</strong> backend (facets.jsonl); prevalence with intervals, k-anonymity thresholds and the well-being statistics are computed by later stages of the pipeline, so this version reports the imported data only.</p>
<p class="note">Privacy thresholds: every reported cell covers at least ${escapeHtml(summary.thresholds.k_users)} distinct participants and ${escapeHtml(summary.thresholds.k_conversations)} conversations; smaller cells, and cells that would let one be recovered by subtraction, are shown as suppressed. Personal data was replaced by typed placeholders at import, before storage or classification.</p>
<h3>Facet definitions</h3>
<dl>${FACET_DEFINITIONS.map((facet) => `<dt><code>${escapeHtml(facet.id)}</code> (per ${escapeHtml(facet.unit)})</dt><dd>${escapeHtml(facet.definition)}</dd>`).join('')}</dl>
</body></html>
`;
}
