/**
 * Charts rendered on the server: a vega-lite spec → compiled vega → SVG with real <text> (no canvas,
 * so label widths are estimated: horizontal bars and labelAngle 0 keep them readable). Okabe–Ito
 * colours. A suppressed row keeps its place on the axis and shows the word "suppressed" instead of a bar.
 */
import * as vega from 'vega';
import * as vl from 'vega-lite';

/** Okabe & Ito (2008), colour-blind safe; black left out for the marks. */
export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442'] as const;

const FONT = 'system-ui, "Noto Sans", "WenQuanYi Micro Hei", sans-serif';

export async function toSvg(spec: vl.TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(vl.compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** One bar: `value` null when suppressed (then `suppressed` is true and `label` says so). */
export interface BarDatum {
  category: string;
  /** The series within a category (e.g. the base), shown by colour; one series → leave it ''. */
  series: string;
  value: number | null;
  low: number | null;
  high: number | null;
  /** The text printed at the end of the bar (the formatted value) or the word "suppressed". */
  text: string;
  suppressed: boolean;
}

export interface BarOptions {
  title: string;
  xTitle: string;
  /** Share axis (0–1, shown as %) or a signed mean. */
  domain: [number, number];
  percent: boolean;
  seriesTitle?: string;
  width?: number;
}

export function barChartSpec(data: readonly BarDatum[], options: BarOptions): vl.TopLevelSpec {
  const multi = new Set(data.map((d) => d.series)).size > 1;
  const categories = [...new Set(data.map((d) => d.category))];
  const series = [...new Set(data.map((d) => d.series))];
  const y = { field: 'category', type: 'nominal' as const, sort: categories, title: null, axis: { labelLimit: 260 } };
  const yOffset = multi ? { yOffset: { field: 'series', type: 'nominal' as const, sort: series } } : {};
  const x = {
    field: 'value',
    type: 'quantitative' as const,
    title: options.xTitle,
    scale: { domain: options.domain, nice: false },
    axis: { format: options.percent ? '.0%' : '.1f', labelAngle: 0, tickCount: 5 },
  };
  const color = multi
    ? {
        field: 'series',
        type: 'nominal' as const,
        sort: series,
        title: options.seriesTitle ?? null,
        scale: { range: [...OKABE_ITO] },
      }
    : { value: OKABE_ITO[0] };
  const rowStep = multi ? 18 : 24;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: options.title, anchor: 'start', font: FONT },
    width: options.width ?? 520,
    height: { step: rowStep * (multi ? series.length : 1) },
    config: {
      font: FONT,
      view: { stroke: null },
      axis: { labelFont: FONT, titleFont: FONT },
      legend: { orient: 'bottom', labelLimit: 400 },
    },
    data: { values: data.map((d) => ({ ...d })) },
    encoding: { y, ...yOffset },
    layer: [
      {
        transform: [{ filter: 'datum.value !== null' }],
        mark: { type: 'bar', height: { band: 0.8 } },
        encoding: { x, x2: { datum: 0 }, color },
      },
      {
        transform: [{ filter: 'datum.low !== null && datum.high !== null' }],
        mark: { type: 'rule', color: '#000000', strokeWidth: 1.5 },
        encoding: { x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } },
      },
      {
        transform: [{ filter: 'datum.value !== null' }],
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 11, color: '#1b1b1b' },
        encoding: { x: { field: 'high', type: 'quantitative' }, text: { field: 'text' } },
      },
      {
        transform: [{ filter: 'datum.suppressed' }],
        mark: { type: 'text', align: 'left', dx: 2, fontSize: 11, fontStyle: 'italic', color: '#595959' },
        encoding: { x: { datum: Math.max(0, options.domain[0]) }, text: { field: 'text' } },
      },
    ],
  } as vl.TopLevelSpec;
}

export const barChart = (data: readonly BarDatum[], options: BarOptions) => toSvg(barChartSpec(data, options));
