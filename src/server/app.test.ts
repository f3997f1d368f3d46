import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Hono } from 'hono';
import { ConfigError } from '../errors.ts';
import { analyzeDemo } from '../report/test-demo.ts';
import { DuckDbStore } from '../store/duckdb/duckdb-store.ts';
import { createApp } from './app.ts';
import { createFigureSource, type FigureSource } from './figures.ts';
import { checkBinding } from './serve.ts';

describe('dashboard app', () => {
  let store: DuckDbStore;
  let source: FigureSource;
  let app: Hono;
  before(async () => {
    const run = await analyzeDemo();
    store = await DuckDbStore.open(run.db, { readOnly: true });
    source = await createFigureSource(store);
    app = createApp({ source });
  });
  after(() => store.close());

  const json = async (target: Hono, url: string, init?: RequestInit) => {
    const response = await target.request(url, init);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('serves the page and the meta: sources, date range, types, the analysis thresholds', async () => {
    const page = await app.request('/');
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<form id="filters">/);
    const { body } = await json(app, '/api/meta');
    assert.deepEqual(body.sources, ['chatgpt', 'claude', 'openai-messages']);
    assert.deepEqual(body.thresholds, { k_users: 2, k_conversations: 3 });
    assert.ok((body.types as string[]).includes('counseling'));
  });

  it('recomputes the figures on the filtered rows: filters change the numbers', async () => {
    const all = (await json(app, '/api/figures')).body.study as { n_conversations: number };
    const chatgpt = (await json(app, '/api/figures?source=chatgpt')).body.study as { n_conversations: number };
    const dated = (await json(app, '/api/figures?from=2025-06-01&to=2025-12-31')).body.study as { n_conversations: number };
    assert.ok(all.n_conversations > chatgpt.n_conversations && chatgpt.n_conversations > 0);
    assert.ok(dated.n_conversations < all.n_conversations);
    const charts = await json(app, '/api/charts?source=chatgpt&lang=zh');
    assert.equal(charts.status, 200);
    const figures = charts.body.figures as { id: string; html: string; svgs: string[] }[];
    assert.deepEqual(
      figures.map((f) => f.id),
      ['prevalence', 'pushback', 'sentiment', 'long-conversations', 'intensity', 'cue-rates', 'topics'],
    );
    assert.ok(figures[0]?.svgs[0]?.startsWith('<svg') && figures[0].html.includes('类型构成'));
  });

  it('suppresses a drill-down whose population is below the thresholds, sizes included', async () => {
    const { body } = await json(app, '/api/figures?source=claude');
    const study = body.study as { n_conversations: number | null; prevalence: { all: { affective: { suppressed: boolean } } } };
    assert.equal(study.n_conversations, null);
    assert.equal(study.prevalence.all.affective.suppressed, true);
  });

  it('answers 400 with a clear message for a bad query', async () => {
    for (const [url, pattern] of [
      ['/api/figures?source=myspace', /source: must be one of chatgpt/],
      ['/api/figures?from=2025-02-30x', /from: must be an ISO date/],
      ['/api/charts?type=friendship', /type: must be 'all' or one of/],
      ['/api/figures?from=2025-06-01&to=2025-01-01', /from must not be after to/],
      ['/api/figures?sql=drop', /Unrecognized key/i],
    ] as const) {
      const { status, body } = await json(app, url);
      assert.equal(status, 400, url);
      assert.match(String(body.error), pattern);
    }
  });

  it('refuses requests without the token when one is set (401), accepts header or query token', async () => {
    const locked = createApp({ source, token: 's3cret' });
    assert.equal((await locked.request('/api/meta')).status, 401);
    assert.equal((await locked.request('/')).status, 401);
    assert.equal((await locked.request('/api/meta', { headers: { Authorization: 'Bearer wrong' } })).status, 401);
    assert.equal((await locked.request('/api/meta', { headers: { Authorization: 'Bearer s3cret' } })).status, 200);
    assert.equal((await locked.request('/api/figures?token=s3cret&source=chatgpt')).status, 200);
  });

  it('refuses to bind beyond loopback without a token', () => {
    assert.throws(() => checkBinding('0.0.0.0', undefined), ConfigError);
    assert.throws(() => checkBinding('192.168.1.5', ''), ConfigError);
    assert.doesNotThrow(() => checkBinding('0.0.0.0', 'tok'));
    assert.doesNotThrow(() => checkBinding('127.0.0.1', undefined));
  });
});
