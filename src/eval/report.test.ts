import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EvalResult } from './harness.ts';
import { formatValue, renderJson, renderMarkdown, renderTable } from './report.ts';

const result: EvalResult = {
  backend: 'fake@0',
  seconds: 12.34,
  skipped: ['meld: /x/meld is absent, skipped'],
  datasets: [{ name: 'Toy', folder: 'toy', files: ['toy/a.csv'], licence: 'trainable', n: 3, total: 4, note: 'one left out' }],
  models: [{ id: 'pushback', file: 'pushback.json', trainedOn: ['toy'] }],
  speed: { conversations: 2, userMessages: 4, characters: 100, totalMs: 1, msPerConversation: 0.5 },
  rows: [
    {
      section: 'pushback',
      facet: 'pushback',
      metric: 'F1',
      value: 0.912345,
      baseline: 0.5,
      baselineName: 'refusal phrases',
      dataset: 'Toy',
      n: 3,
      licence: 'trainable',
      trained: 'trained on',
      detail: 'tp 1 | fp 0',
    },
    {
      section: 'prevalence',
      facet: 'affective',
      metric: 'prevalence error (predicted − silver)',
      value: -0.0123,
      interval: [0.01, 0.2],
      baseline: null,
      baselineName: 'keyword list',
      dataset: 'Toy',
      n: 3,
      licence: 'eval-only',
      trained: 'held out',
    },
  ],
};
const run = { date: '2025-01-02', commit: 'abc1234+dirty', flags: [] };

describe('report', () => {
  it('formats values: 3 decimals, prevalence in signed percentage points, null as a dash', () => {
    assert.equal(formatValue('F1', 0.912345), '0.912');
    assert.equal(formatValue('prevalence error (x)', -0.0123), '−1.2 pp');
    assert.equal(formatValue('prevalence error (x)', 0.01), '+1.0 pp');
    assert.equal(formatValue('F1', null), '—');
  });

  it('prints a table with the baseline beside the value, grouped by section', () => {
    const table = renderTable(result.rows).split('\n');
    assert.match(table[0] ?? '', /^facet +\| metric +\| value +\| baseline +\| dataset +\| n +\| licence +\| trained$/);
    assert.ok(table.includes('# pushback'));
    assert.ok(
      table.some((line) => line.includes('0.912') && line.includes('0.500 (refusal phrases)') && line.includes('trained on')),
    );
    assert.ok(table.some((line) => line.includes('−1.2 pp [0.010–0.200]') && line.includes('— (keyword list)')));
  });

  it('writes markdown with date, commit, escaped cells, datasets, skips and models', () => {
    const markdown = renderMarkdown(result, run);
    assert.match(markdown, /on 2025-01-02 at commit `abc1234\+dirty`/);
    assert.match(markdown, /## pushback/);
    assert.match(markdown, /tp 1 \\\| fp 0/);
    assert.match(markdown, /\| Toy \| toy \| trainable \| 3 \| 4 \| one left out \|/);
    assert.match(markdown, /- meld: \/x\/meld is absent, skipped/);
    assert.match(markdown, /\| pushback \| pushback.json \| toy \|/);
  });

  it('writes JSON with rounded numbers, the same for the same input', () => {
    const json = JSON.parse(renderJson(result, run));
    assert.equal(json.commit, 'abc1234+dirty');
    assert.equal(json.rows[0].value, 0.9123);
    assert.deepEqual(json.rows[1].interval, [0.01, 0.2]);
    assert.equal(json.speed.msPerConversation, 0.5);
    assert.equal(renderJson(result, run), renderJson(result, run));
  });
});
