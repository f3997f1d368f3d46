/** Cue rates per group as a heat map (value printed in every cell; suppressed cells grey and marked). */
import { CUES, GROUPS, type StudySummary } from '../../aggregate/summary-schema.ts';
import { toSvg } from '../charts.ts';
import { type Figure, figure, nText, percent, shareColumns, table } from '../html.ts';
import type { Dictionary } from '../i18n.ts';

export async function cueRatesFigure(study: StudySummary, d: Dictionary): Promise<Figure> {
  const section = study.cue_rates;
  const values = GROUPS.flatMap((group) =>
    CUES.map((cue) => {
      const cell = section.groups[group].rates[cue];
      const shown = !cell.suppressed && cell.estimate !== null;
      return {
        group: d.label(group),
        cue: d.label(cue),
        rate: shown ? cell.estimate : null,
        text: shown ? percent(cell.estimate) : d.t('suppressed'),
      };
    }),
  );
  const title = d.t('cues');
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, anchor: 'start' as const },
    width: { step: 110 },
    height: { step: 26 },
    config: { view: { stroke: null }, axis: { domain: false, ticks: false } },
    data: { values },
    encoding: {
      x: {
        field: 'group',
        type: 'nominal' as const,
        sort: GROUPS.map((g) => d.label(g)),
        title: null,
        axis: { labelAngle: 0, labelExpr: "split(datum.label, ' ')", labelLimit: 110 },
      },
      y: { field: 'cue', type: 'nominal' as const, sort: CUES.map((c) => d.label(c)), title: null, axis: { labelLimit: 220 } },
    },
    layer: [
      {
        transform: [{ filter: 'datum.rate !== null' }],
        mark: { type: 'rect' as const, stroke: '#ffffff' },
        encoding: {
          color: {
            field: 'rate',
            type: 'quantitative' as const,
            scale: { scheme: 'blues', domain: [0, Math.max(0.05, ...values.map((v) => v.rate ?? 0))] },
            legend: null,
          },
        },
      },
      { transform: [{ filter: 'datum.rate === null' }], mark: { type: 'rect' as const, stroke: '#ffffff', fill: '#ececec' } },
      {
        mark: { type: 'text' as const, fontSize: 10 },
        encoding: {
          text: { field: 'text' },
          color: { condition: { test: 'datum.rate === null', value: '#595959' }, value: '#000000' },
        },
      },
    ],
  };
  const svg = await toSvg(spec as never);
  const tableHtml = table(
    `${title} (N = ${nText(section.n_conversations, d)})`,
    [d.t('group'), d.t('category'), d.t('share'), d.t('interval'), d.t('conversations'), d.t('participants')],
    GROUPS.flatMap((group) =>
      CUES.map((cue) => [d.label(group), d.label(cue), ...shareColumns(section.groups[group].rates[cue], d)]),
    ),
    d,
  );
  return { id: 'cue-rates', title, svgs: [svg], html: figure('cue-rates', title, d.t('cuesNote'), [svg], tableHtml, d) };
}
