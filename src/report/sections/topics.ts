/** Topics per type: a nested list of cluster labels (terms used by ≥ k participants) with counts. */
import type { StudySummary, TopicCell } from '../../aggregate/summary-schema.ts';
import { AFFECTIVE_TYPES } from '../../facets/definitions.ts';
import { countText, escapeHtml, type Figure } from '../html.ts';
import type { Dictionary } from '../i18n.ts';

type Cluster = Pick<TopicCell, 'label' | 'conversations' | 'participants' | 'suppressed'>;

function item(cluster: Cluster, d: Dictionary): string {
  if (cluster.suppressed) return `<span class="suppressed">${escapeHtml(d.t('suppressed'))}</span>`;
  const counts = `${countText(cluster.conversations)} ${d.t('conversations')}, ${countText(cluster.participants)} ${d.t('participants')}`;
  return `<span class="topic">${escapeHtml(cluster.label.join(' · '))}</span> <span class="count">(${escapeHtml(counts)})</span>`;
}

export function topicsFigure(study: StudySummary, d: Dictionary): Figure {
  const section = study.topics;
  const title = d.t('topics');
  const parts: string[] = [];
  if (!section.computed) parts.push(`<p class="note">${escapeHtml(d.t('topicsOff'))}</p>`);
  else {
    for (const type of AFFECTIVE_TYPES) {
      const cell = section.types[type];
      const header = cell.suppressed
        ? `${escapeHtml(d.label(type))}: <span class="suppressed">${escapeHtml(d.t('suppressed'))}</span>`
        : `${escapeHtml(d.label(type))} (${escapeHtml(countText(cell.conversations))} ${escapeHtml(d.t('conversations'))})`;
      const clusters = cell.clusters
        .map((cluster) => {
          const children = cluster.children.length
            ? `<ul>${cluster.children.map((child) => `<li>${item(child, d)}</li>`).join('')}</ul>`
            : '';
          return `<li>${item(cluster, d)}${children}</li>`;
        })
        .join('');
      parts.push(`<h3>${header}</h3>${clusters ? `<ul class="topics">${clusters}</ul>` : ''}`);
    }
  }
  const note = `${d.t('topicsNote')}${section.method ? ` (${section.method})` : ''}`;
  const html = `<section class="figure" id="topics"><h2>${escapeHtml(title)}</h2><p class="note">${escapeHtml(note)}</p>${parts.join('\n')}</section>`;
  return { id: 'topics', title, svgs: [], html };
}
