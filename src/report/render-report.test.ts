import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { GROUPS } from '../aggregate/summary-schema.ts';
import { AFFECTIVE_TYPES } from '../facets/definitions.ts';
import { DuckDbStore } from '../store/duckdb/duckdb-store.ts';
import { barChart } from './charts.ts';
import type { EvalTable } from './eval-table.ts';
import { renderReport } from './render-report.ts';
import { analyzeDemo, type DemoRun, PLANTED_SENTENCE, PLANTED_WORD } from './test-demo.ts';

const svgTexts = (html: string) =>
  [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].flatMap((svg) =>
    [...svg[0].matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]),
  );
const percents = (html: string) => [...html.matchAll(/\d+\.\d%/g)].map((m) => m[0]).sort();

const EVAL: EvalTable = {
  date: '2026-01-01',
  commit: 'abc1234',
  backend: 'embedded@1',
  rows: [
    {
      section: 'pushback',
      facet: 'pushback',
      metric: 'F1',
      value: 0.961,
      baseline: 0.889,
      baselineName: 'refusal phrases',
      dataset: 'XSTest',
      n: 1350,
    },
    {
      section: 'sentiment',
      facet: 'sentiment',
      metric: 'macro-F1',
      value: 0.4291,
      baseline: 0.3,
      baselineName: 'vader',
      dataset: 'MELD dev',
      n: 1000,
    },
  ],
};

describe('renderReport', () => {
  let run: DemoRun;
  let en: string;
  let zh: string;
  before(async () => {
    run = await analyzeDemo({ evaluation: EVAL });
    en = readFileSync(run.out + '/report.html', 'utf8');
    zh = await renderReport(run.summary, { lang: 'zh', evaluation: EVAL });
  });

  it('is self-contained: inline SVG charts with real text, no external resources', () => {
    assert.ok((en.match(/<svg/g) ?? []).length >= 11, 'prevalence, pushback, sentiment, long, 6 intensity, cues');
    assert.doesNotMatch(en, /<(script|link|img)[^>]+(src|href)=["']https?:/);
    assert.doesNotMatch(en, /@import|url\(http/);
    const texts = svgTexts(en);
    for (const label of ['Type mix: how common affective use is', 'Pushback by type', 'interpersonal advice', 'not affective'])
      assert.ok(texts.includes(label), `SVG text ${label}`);
  });

  it('shows the reported numbers in the charts and tables, and suppressed cells as suppressed', () => {
    const { prevalence } = run.summary.study;
    const any = prevalence.all.affective;
    assert.equal(any.suppressed, false);
    const shown = `${((any.estimate ?? 0) * 100).toFixed(1)}%`;
    assert.ok(svgTexts(en).includes(shown), `the chart prints ${shown}`);
    const suppressedCells = AFFECTIVE_TYPES.filter((t) => prevalence.all.types[t].suppressed).length;
    assert.ok(suppressedCells > 0, 'the demo has suppressed prevalence cells');
    const prevalenceSvg = en.slice(en.indexOf('id="prevalence"'), en.indexOf('id="pushback"'));
    const marks = svgTexts(prevalenceSvg).filter((t) => t === 'suppressed').length;
    const expected = suppressedCells + AFFECTIVE_TYPES.filter((t) => prevalence.non_content_creation.types[t].suppressed).length;
    assert.equal(marks, expected, 'every suppressed cell is marked in the chart, none dropped');
    assert.ok(prevalenceSvg.includes('<span class="suppressed">suppressed</span>'), 'and in the table');
    const sentiment = run.summary.study.sentiment_trajectory.groups;
    const reported = GROUPS.filter((g) => !sentiment[g].suppressed);
    for (const g of reported) assert.ok(svgTexts(en).includes((sentiment[g].mean ?? 0).toFixed(2)), `sentiment mean of ${g}`);
  });

  it('writes the methods from the run: thresholds, N, exclusions, definitions, validation and limitations', () => {
    assert.match(en, /at least 2 distinct participants and 3 conversations/);
    assert.ok(en.includes(`${run.summary.study.n_conversations} conversations from ${run.summary.study.n_participants}`));
    assert.match(en, /are content creation and are excluded/);
    assert.ok(en.includes('<code>content_creation</code>'));
    assert.ok(en.includes('MELD dev') && en.includes('0.429'), 'validation table and weak spot');
    assert.match(en, /associations within the data/);
    assert.match(en, /00:00–05:59 UTC/);
  });

  it('speaks Chinese with --lang zh, with identical numbers', () => {
    for (const text of ['类型构成', '已抑制', '方法', '局限', '人际建议', '图表背后的数据表']) assert.ok(zh.includes(text), text);
    assert.ok(zh.includes('lang="zh-CN"'));
    assert.ok(!zh.includes('>suppressed<'));
    assert.deepEqual(percents(zh), percents(en));
  });

  it('contains no message text', async () => {
    const store = await DuckDbStore.open(run.db, { readOnly: true });
    const sentences = new Set<string>();
    try {
      for await (const conversation of store.readConversations())
        for (const message of conversation.messages)
          for (const part of message.text.split(/[.!?\n。！？]/)) if (part.trim().length >= 25) sentences.add(part.trim());
    } finally {
      await store.close();
    }
    assert.ok(sentences.size > 50);
    for (const html of [en, zh]) {
      for (const sentence of sentences) assert.ok(!html.includes(sentence), `message text in the report: ${sentence}`);
      assert.ok(!html.includes(PLANTED_SENTENCE) && !html.toLowerCase().includes(PLANTED_WORD));
    }
  });

  it('says when no validation table is available', async () => {
    const html = await renderReport(run.summary, { lang: 'en' });
    assert.match(html, /No evaluation results were available/);
  });
});

describe('barChart', () => {
  it('draws a bar with an interval for a value, and the word suppressed (no bar) for a suppressed cell', async () => {
    const svg = await barChart(
      [
        { category: 'a', series: '', value: 0.25, low: 0.1, high: 0.4, text: '25.0%', suppressed: false },
        { category: 'b', series: '', value: null, low: null, high: null, text: 'suppressed', suppressed: true },
      ],
      { title: 'T', xTitle: 'share', domain: [0, 1], percent: true },
    );
    assert.equal((svg.match(/aria-roledescription="bar"/g) ?? []).length, 1, 'one bar');
    assert.equal((svg.match(/aria-roledescription="rule mark"/g) ?? []).length, 1, 'one interval');
    assert.ok(svgTexts(svg).includes('25.0%') && svgTexts(svg).includes('suppressed'));
    assert.ok(svg.includes('#0072B2'), 'Okabe–Ito blue');
  });
});
