import crypto from 'node:crypto';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { BUILDS, NOT_FOUND, htmlFile, pagesOf, type Build } from '../support/builds.ts';
import { FIRST_LOAD_BUDGETS, templateOf } from '../support/first-load-budgets.ts';

/**
 * Page-weight budgets over the built site, for readers on cheap phones and slow networks.
 *
 * Each page is loaded in Chromium and every request it makes until the network is idle is
 * recorded. Weights are the gzip size (zlib, default level) of the HTML, CSS and JS it loads.
 *
 * - A chart page is one whose HTML carries a `data-chart` attribute or a `<canvas>` element
 *   (the chart component marks its figure with data-chart): at most 120 KB gzip.
 * - Every other page: at most 50 KB gzip, and no script of its own. The only scripts it may run
 *   are the site shell's, i.e. those of the 404 page, which carries no content of its own
 *   (the reading-mode switch and the header search box's loader), together at most 10 KB gzip,
 *   plus what the search loader fetches from /pagefind/.
 * - No page requests anything from another origin, and no page loads a font.
 * - Each page weighs no more than its template's fixed budget (tests/e2e/support/first-load-budgets.ts):
 *   what the template weighed before the share control and the print layout came, plus only the
 *   content other work has added to it since.
 */
const KB = 1024;
const PLAIN_LIMIT = 50 * KB;
const CHART_LIMIT = 120 * KB;
const SHELL_JS_LIMIT = 10 * KB;

const gz = (data: Buffer | string) => zlib.gzipSync(data).length;
const sha = (text: string) => crypto.createHash('sha256').update(text).digest('base64');

function isChartPage(html: string): boolean {
  return /<canvas[\s>]/i.test(html) || /\sdata-chart[\s=>]/i.test(html);
}

interface Load {
  html: number;
  /** Of which inline scripts. */
  inlineJs: number;
  css: number;
  js: number;
  /** External scripts by path, inline scripts by content hash. */
  scripts: Map<string, number>;
  foreign: string[];
  fonts: string[];
}

async function load(page: Page, path: string, origin: string): Promise<Load> {
  const result: Load = { html: 0, inlineJs: 0, css: 0, js: 0, scripts: new Map(), foreign: [], fonts: [] };
  const pending: Promise<void>[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.origin !== origin) result.foreign.push(request.url());
    if (request.resourceType() === 'font') result.fonts.push(request.url());
  });
  page.on('response', (response) => {
    const type = response.request().resourceType();
    if (!['document', 'stylesheet', 'script'].includes(type)) return;
    pending.push(
      response.body().then((body) => {
        const size = gz(body);
        if (type === 'document') result.html += size;
        else if (type === 'stylesheet') result.css += size;
        else {
          result.js += size;
          result.scripts.set(new URL(response.url()).pathname, size);
        }
      }),
    );
  });
  await page.goto(path, { waitUntil: 'networkidle' });
  await Promise.all(pending);
  // Inline scripts travel inside the HTML (already weighed there); they are named by their content.
  const inline = await page.locator('script:not([src])').evaluateAll((els) =>
    els.filter((el) => ['', 'module', 'text/javascript'].includes(el.getAttribute('type') ?? '')).map((el) => el.textContent ?? ''),
  );
  for (const text of inline) {
    result.scripts.set(`inline:${sha(text)}`, gz(text));
    result.inlineJs += gz(text);
  }
  return result;
}

test('chart pages are told by their marker', () => {
  expect(isChartPage('<figure class="chart" data-chart="bar">')).toBe(true);
  expect(isChartPage('<canvas id="c"></canvas>')).toBe(true);
  expect(isChartPage('<p>data-chart 是一个属性名</p><table data-testid="energy-table">')).toBe(false);
});

for (const build of Object.keys(BUILDS) as Build[]) {
  test(`${build} build: every page within its weight budget, nothing from other origins`, async ({ page, baseURL }, info) => {
    test.skip(info.project.name !== build, `pages of the ${build} build`);
    test.setTimeout(180_000);
    const origin = new URL(baseURL!).origin;

    const shell = await load(page, NOT_FOUND, origin);
    const shellJs = [...shell.scripts.values()].reduce((a, b) => a + b, 0);
    expect(shellJs, 'scripts on every page (reading modes, search loader)').toBeLessThanOrEqual(SHELL_JS_LIMIT);

    const rows: string[] = [];
    for (const path of pagesOf(build)) {
      const chart = isChartPage(fs.readFileSync(htmlFile(build, path), 'utf8'));
      const weight = await load(page, path, origin);
      const total = weight.html + weight.css + weight.js;
      rows.push([path, chart ? 'chart' : 'plain', weight.html, weight.inlineJs, weight.css, weight.js, total].map(String).join('\t'));

      expect.soft(weight.foreign, `${path} requests other origins`).toEqual([]);
      expect.soft(weight.fonts, `${path} loads fonts`).toEqual([]);
      expect.soft(total, `${path} HTML+CSS+JS gzip bytes`).toBeLessThanOrEqual(chart ? CHART_LIMIT : PLAIN_LIMIT);
      const template = templateOf(path);
      const budget = FIRST_LOAD_BUDGETS[build][template];
      expect.soft(budget, `${path}: template ${template} has a first-load budget`).toBeDefined();
      if (budget) expect.soft(total, `${path} (${template}) weighs at most its template's first load: ${budget.why}`).toBeLessThanOrEqual(budget.bytes);
      // The search page's own script is the search box's loader: it fetches the index only when asked.
      if (!chart && path !== '/search/') {
        const own = [...weight.scripts.keys()].filter((s) => !shell.scripts.has(s) && !s.startsWith('/pagefind/'));
        expect.soft(own, `${path} is no chart page but runs scripts of its own`).toEqual([]);
      }
    }
    // The figures, for the record (gzip bytes).
    console.log(`\npage weights, ${build} build (gzip bytes)\npage\tkind\thtml\t(inline js)\tcss\tjs\ttotal\n${rows.join('\n')}`);
  });
}
