/**
 * End to end in a real browser: report.html over file:// and `affectlens serve` over HTTP, in Debian's
 * headless Chromium driven by playwright-core. Screenshots go to test-artifacts/ (and, with
 * AFFECTLENS_UPDATE_SCREENSHOT=1, the README's docs/report-screenshot.png).
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { analyzeDemo, type DemoRun } from '../report/test-demo.ts';
import { tempDir } from '../testing/fixtures.ts';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const CLI = path.join(ROOT, 'src/cli/main.ts');
const TOKEN = 'browser-test-token';
const skip = existsSync(CHROMIUM) ? false : `no ${CHROMIUM}: install Debian's chromium to run the browser test`;

function startCli(args: string[]): { child: ChildProcess; url: Promise<string>; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      const match = /dashboard: (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    child.once('exit', () => reject(new Error(`serve exited: ${output}`)));
  });
  url.catch(() => undefined);
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, url, exit };
}

/** The little of the DOM the page functions use (the project's tsconfig has no DOM lib). */
type DomLike = { document: { getElementById(id: string): { dataset: Record<string, string | undefined> } | null } };

const chartNumbers = (page: Page, selector: string) =>
  page.$$eval(`${selector} svg text`, (nodes) =>
    nodes.map((n) => n.textContent ?? '').filter((t) => /\d\.\d%|^suppressed$/.test(t)),
  );

describe('in headless Chromium', { skip }, () => {
  let run: DemoRun;
  let context: BrowserContext;
  const errors: string[] = [];
  before(async () => {
    run = await analyzeDemo();
    mkdirSync(ARTIFACTS, { recursive: true });
    context = await chromium.launchPersistentContext(tempDir('affectlens-chromium-'), {
      executablePath: CHROMIUM,
      viewport: { width: 1200, height: 900 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
      ],
    });
    context.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    context.on('weberror', (error) => errors.push(error.error().message));
  });
  after(() => context?.close());

  it('opens report.html from file:// with its charts rendered and no console errors', async () => {
    const page = await context.newPage();
    await page.goto(pathToFileURL(path.join(run.out, 'report.html')).href);
    assert.ok((await page.locator('svg').count()) >= 11);
    const numbers = await chartNumbers(page, '#prevalence');
    const any = run.summary.study.prevalence.all.affective.estimate ?? 0;
    assert.ok(numbers.includes(`${(any * 100).toFixed(1)}%`), `prevalence chart shows ${any}: ${numbers}`);
    assert.ok(numbers.includes('suppressed'));
    assert.ok((await page.locator('#prevalence svg [aria-roledescription="bar"]').count()) >= 2);
    await page.screenshot({ path: path.join(ARTIFACTS, 'report.png') });
    await page.screenshot({ path: path.join(ARTIFACTS, 'report-full.png'), fullPage: true });
    if (process.env.AFFECTLENS_UPDATE_SCREENSHOT === '1')
      copyFileSync(path.join(ARTIFACTS, 'report.png'), path.join(ROOT, 'docs/report-screenshot.png'));
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('serves the dashboard: charts render, a filter changes the numbers, no token → 401', async () => {
    const server = startCli(['serve', '--db', run.db, '--port', '0', '--token', TOKEN]);
    try {
      const url = await server.url;
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
      const page = await context.newPage();
      await page.goto(`${url}?token=${TOKEN}`);
      await page.waitForSelector('#prevalence svg');
      const before = await page.locator('#status').getAttribute('data-conversations');
      const numbersBefore = await chartNumbers(page, '#prevalence');
      await page.selectOption('select[name="source"]', 'chatgpt');
      await page.waitForFunction(
        (n) => (globalThis as unknown as DomLike).document.getElementById('status')?.dataset.conversations !== n,
        before,
      );
      await page.waitForSelector('#prevalence svg');
      const afterN = await page.locator('#status').getAttribute('data-conversations');
      assert.ok(Number(afterN) < Number(before), `N ${before} → ${afterN}`);
      assert.notDeepEqual(await chartNumbers(page, '#prevalence'), numbersBefore);
      await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard.png') });
      assert.equal((await fetch(`${url}api/meta`)).status, 401);
      assert.equal((await fetch(`${url}api/meta`, { headers: { Authorization: `Bearer ${TOKEN}` } })).status, 200);
      assert.deepEqual(errors, []);
      await page.close();
    } finally {
      server.child.kill('SIGINT');
      assert.equal(await server.exit, 0, 'graceful shutdown on SIGINT');
    }
  });

  it('refuses to bind beyond loopback without a token', async () => {
    const server = startCli(['serve', '--db', run.db, '--port', '0', '--host', '0.0.0.0']);
    await assert.rejects(server.url, /refusing to bind 0\.0\.0\.0 without a token/);
    assert.equal(await server.exit, 2);
  });
});
