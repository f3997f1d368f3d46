/**
 * Intensity of use per participant: one small box-like chart per metric from the distribution
 * summaries (p25–p75 box, median tick, mean dot, line to p90; no min/max — an extreme is one person).
 */
import { type Distribution, INTENSITY_METRICS, type StudySummary } from '../../aggregate/summary-schema.ts';
import { OKABE_ITO, toSvg } from '../charts.ts';
import { decimal, type Figure, figure, nText, suppressedMark, table } from '../html.ts';
import type { Dictionary } from '../i18n.ts';

const GROUP_KEYS = ['all', 'any_affective', 'no_affective'] as const;

function boxSpec(title: string, rows: { group: string; dist: Distribution | null; text: string }[]) {
  const values = rows.map(({ group, dist, text }) => ({
    group,
    text,
    ...(dist ?? {}),
    shown: dist !== null && dist.median !== null,
  }));
  const x = (field: string) => ({ field, type: 'quantitative' as const, title: null, axis: { labelAngle: 0, tickCount: 5 } });
  const shown = { filter: 'datum.shown' };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, anchor: 'start' as const, fontSize: 12 },
    width: 420,
    height: { step: 22 },
    config: { view: { stroke: null } },
    data: { values },
    encoding: { y: { field: 'group', type: 'nominal' as const, sort: rows.map((r) => r.group), title: null } },
    layer: [
      { transform: [shown], mark: { type: 'rule' as const, color: '#000000' }, encoding: { x: x('p75'), x2: { field: 'p90' } } },
      {
        transform: [shown],
        mark: { type: 'bar' as const, height: 14, color: OKABE_ITO[4] },
        encoding: { x: x('p25'), x2: { field: 'p75' } },
      },
      { transform: [shown], mark: { type: 'tick' as const, color: '#000000', thickness: 2 }, encoding: { x: x('median') } },
      { transform: [shown], mark: { type: 'point' as const, filled: true, color: OKABE_ITO[5] }, encoding: { x: x('mean') } },
      {
        transform: [shown],
        mark: { type: 'text' as const, align: 'left' as const, dx: 4, fontSize: 10 },
        encoding: { x: x('p90'), text: { field: 'text' } },
      },
      {
        transform: [{ filter: '!datum.shown' }],
        mark: { type: 'text' as const, align: 'left' as const, fontStyle: 'italic', color: '#595959', fontSize: 11 },
        encoding: { x: { value: 2 }, text: { field: 'text' } },
      },
    ],
  };
}

export async function intensityFigure(study: StudySummary, d: Dictionary): Promise<Figure> {
  const section = study.intensity;
  const svgs: string[] = [];
  const rows: (string | ReturnType<typeof suppressedMark>)[][] = [];
  for (const metric of INTENSITY_METRICS) {
    const chartRows = GROUP_KEYS.map((key) => {
      const group = section.groups[key];
      const dist = group.suppressed ? null : group.metrics[metric];
      const text = dist && dist.median !== null ? `${d.t('mean')} ${decimal(dist.mean)}` : d.t('suppressed');
      const label = d.label(key);
      rows.push(
        dist && dist.median !== null
          ? [
              d.label(metric),
              label,
              String(dist.n),
              decimal(dist.mean),
              decimal(dist.p25),
              decimal(dist.median),
              decimal(dist.p75),
              decimal(dist.p90),
            ]
          : [d.label(metric), label, suppressedMark(d), '', '', '', '', ''],
      );
      return { group: label, dist, text };
    });
    svgs.push(await toSvg(boxSpec(d.label(metric), chartRows)));
  }
  const title = d.t('intensity');
  const tableHtml = table(
    `${title} (N = ${nText(section.n_participants, d)} ${d.t('participants')})`,
    [d.t('measure'), d.t('group'), d.t('N'), d.t('mean'), 'p25', 'p50', 'p75', 'p90'],
    rows,
    d,
  );
  return { id: 'intensity', title, svgs, html: figure('intensity', title, d.t('intensityNote'), svgs, tableHtml, d) };
}
