/**
 * The moderation plot: predicted outcome against the focal predictor at the moderator's mean and
 * mean ± 1 SD (simple slopes), rendered to a standalone SVG by vega-lite → vega, headless
 * (`renderer: 'none'`). Lines only: no participant's values are drawn.
 */
import * as vega from 'vega';
import * as vl from 'vega-lite';
import type { Moderation } from './moderation.ts';

export async function moderationSvg(moderation: Moderation, outcome: string): Promise<string> {
  const spec: vl.TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: `${outcome}: simple slopes of ${moderation.focal} by ${moderation.moderator}`,
      subtitle: 'predicted values, other variables at their means; lines at the moderator mean and ± 1 SD',
    },
    width: 420,
    height: 280,
    data: { values: moderation.lines.map((line) => ({ ...line })) },
    mark: { type: 'line', strokeWidth: 2 },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: `${moderation.focal} (mean ± 2 SD)`, scale: { zero: false } },
      y: { field: 'y', type: 'quantitative', title: `predicted ${outcome}`, scale: { zero: false } },
      color: {
        field: 'level',
        type: 'nominal',
        title: moderation.moderator,
        sort: ['-1 SD', 'mean', '+1 SD'],
        scale: { range: ['#1b9e77', '#7570b3', '#d95f02'] },
      },
      strokeDash: { field: 'level', type: 'nominal', sort: ['-1 SD', 'mean', '+1 SD'], legend: null },
    },
    config: { font: 'sans-serif' },
  };
  const view = new vega.View(vega.parse(vl.compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** A placeholder SVG when the model has no interaction to plot. */
export function noModerationSvg(label: string): string {
  const text = label.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] ?? c);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="60"><text x="10" y="30" font-family="sans-serif" font-size="13">No interaction term in ${text}: nothing to plot.</text></svg>`;
}
