/**
 * The dashboard's HTTP app (hono): GET / (the page), /api/meta, /api/figures and /api/charts (the same
 * SVG charts as report.html), all on figures recomputed under the k-thresholds. With a token set, every
 * request needs `Authorization: Bearer <token>` or `?token=<token>`; otherwise 401.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { renderFigures } from '../report/render-report.ts';
import type { FigureSource } from './figures.ts';
import { dashboardPage } from './page.ts';
import { parseQuery } from './query.ts';

export interface AppOptions {
  source: FigureSource;
  token?: string;
}

const digest = (text: string) => createHash('sha256').update(text).digest();
const sameToken = (given: string, expected: string) => timingSafeEqual(digest(given), digest(expected));

export function createApp({ source, token }: AppOptions): Hono {
  const app = new Hono();
  app.use('*', async (c, next) => {
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Cache-Control', 'no-store');
    if (token) {
      const header = c.req.header('authorization') ?? '';
      const given = header.startsWith('Bearer ') ? header.slice(7) : (c.req.query('token') ?? '');
      if (!given || !sameToken(given, token)) {
        c.header('WWW-Authenticate', 'Bearer');
        return c.json({ error: 'a token is required: send Authorization: Bearer <token> or ?token=<token>' }, 401);
      }
    }
    await next();
  });
  app.onError((error, c) => {
    process.stderr.write(`dashboard error: ${error.message}\n`);
    return c.json({ error: 'internal error' }, 500);
  });

  app.get('/', (c) => {
    c.header(
      'Content-Security-Policy',
      "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; connect-src 'self'",
    );
    const lang = c.req.query('lang') === 'zh' ? 'zh' : 'en';
    return c.html(dashboardPage(lang));
  });
  app.get('/api/meta', (c) => c.json(source.meta()));
  app.get('/api/figures', async (c) => {
    const query = parseQuery(c.req.query());
    if (!query.ok) return c.json({ error: query.error }, 400);
    return c.json({ filter: query.filter, study: await source.study(query.filter) });
  });
  app.get('/api/charts', async (c) => {
    const query = parseQuery(c.req.query());
    if (!query.ok) return c.json({ error: query.error }, 400);
    const study = await source.study(query.filter);
    const figures = await renderFigures(study, query.lang);
    return c.json({
      filter: query.filter,
      n_conversations: study.n_conversations,
      n_participants: study.n_participants,
      figures: figures.map(({ id, title, svgs, html }) => ({ id, title, svgs, html })),
    });
  });
  app.notFound((c) => c.json({ error: 'not found' }, 404));
  return app;
}
