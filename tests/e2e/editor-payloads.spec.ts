import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { expect, test } from '@playwright/test';
import { buildSite } from '../../tools/build-site.ts';
import { fixtureRoot } from '../support/fixture-root.ts';
import { port } from './support/ports.ts';
import { sitemapPages } from './support/site-pages.ts';

/**
 * Editors' files are data: a content root that carries every payload the content check lets
 * through (markup in titles, summaries, cells and table text; code that shows markup; formulas in
 * cells) is built as `npm run build` builds, served as the host serves it, and every page is opened
 * in Chromium. No dialog opens, no page navigates away, nothing is requested from another origin,
 * no handler or script of an editor's runs, and no markup is blocked by the policy, which would
 * mean it reached the page as markup. The payloads the check refuses are tested, one fixture each,
 * in tests/unit/input/validation.test.ts.
 */
const PAYLOAD_PORT = port + 2;
const ORIGIN = `http://127.0.0.1:${PAYLOAD_PORT}`;

test.describe.configure({ mode: 'serial' });

let outDir: string;
let server: ChildProcess | undefined;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const root = fixtureRoot('escaping', 'payloads');
  outDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'portal-payloads-')), 'dist');
  const { status, output } = buildSite(outDir, { PORTAL_CONTENT: root });
  fs.rmSync(path.join('node_modules', '.astro', 'roots', root.replace(/[^a-zA-Z0-9]+/g, '-')), { recursive: true, force: true });
  expect(status, output).toBe(0);
  server = spawn(process.execPath, ['tools/serve.ts', outDir, String(PAYLOAD_PORT)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    server!.stdout!.once('data', () => resolve());
    server!.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
});

test.afterAll(() => {
  if (server?.pid) process.kill(server.pid);
  if (outDir) fs.rmSync(path.dirname(outDir), { recursive: true, force: true });
});

test('no page of a root full of payloads runs, loads or navigates to anything of an editor’s', async ({ page }) => {
  test.setTimeout(120_000);
  const pages = [...sitemapPages(outDir), '/404.html'];
  expect(pages.length).toBeGreaterThan(10);
  const seen: string[] = [];
  page.on('dialog', (d) => {
    seen.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(ORIGIN) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) seen.push(`request: ${r.url()}`);
  });
  // A payload that reached the page as markup but was stopped by the policy is a defect all the same.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { violations: string[] }).violations ??= [];
      (window as unknown as { violations: string[] }).violations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  for (const path of pages) {
    await page.goto(`${ORIGIN}${path}`, { waitUntil: 'load' });
    // Time for a refresh, an onerror or a late script to act.
    await page.waitForTimeout(150);
    expect(new URL(page.url()).pathname, `${path} navigated away`).toBe(path);
    expect(await page.evaluate(() => (window as unknown as { violations?: string[] }).violations ?? []), path).toEqual([]);
    expect(await page.locator('main img[src="x"], main svg[onload], main iframe, main script:not([type="application/json"]):not([src^="/_astro/"])').count(), path).toBe(0);
  }
  expect(seen).toEqual([]);
});

test('markup written by editors is shown as the text they wrote', async ({ page }) => {
  await page.goto(`${ORIGIN}/news/n-two/`);
  await expect(page.locator('h1')).toHaveText('第二条新闻 <img src=x onerror=alert(5)>');
  await expect(page.locator('main')).toContainText('<script>alert(7)</script>');
  await expect(page.locator('main code').first()).toHaveText('<script>alert(8)</script>');
  await expect(page.locator('main pre')).toContainText('<meta http-equiv="refresh"');
  await expect(page.locator('main table sub')).toHaveText('2');
  await page.goto(`${ORIGIN}/stories/s-one/`);
  await expect(page.locator('main th', { hasText: '逐槽测量' })).toHaveText('逐槽测量 <script>alert(14)</script>');
  await page.goto(`${ORIGIN}/workers/wang-wu/`);
  await expect(page.locator('main')).toContainText('班长 <script>alert(12)</script>');
});

test('the feed carries summaries as escaped text, which readers show as text', async ({ request }) => {
  const feed = await (await request.get(`${ORIGIN}/rss.xml`)).text();
  expect(feed).not.toMatch(/<img\b|<script\b/i);
  // A reader decodes the XML, then shows <description> as HTML: its markup must be escaped once more.
  const description = [...feed.matchAll(/<description>([^<]*)<\/description>/g)].map((m) => m[1]!).find((d) => d.includes('alert(6)'));
  expect(description).toContain('&amp;lt;img src=x onerror=alert(6)&amp;gt;');
});

test('formulas in cells are published in the CSV behind an apostrophe, and as they are in the JSON', async ({ request }) => {
  const csv = await (await request.get(`${ORIGIN}/data/teams.csv`)).text();
  const names = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.slice(1).map((r) => r[1]);
  expect(names).toEqual([`'=HYPERLINK("http://evil.example/","点这里")`, "'+cmd|' /C calc'!A0", "'@SUM(1)", "'-2+3"]);
  const json = (await (await request.get(`${ORIGIN}/data/teams.json`)).json()) as { name: string }[];
  expect(json.map((t) => t.name)).toEqual(['=HYPERLINK("http://evil.example/","点这里")', "+cmd|' /C calc'!A0", '@SUM(1)', '-2+3']);
});
