import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { expect, test } from '@playwright/test';
import { checkChart, collectErrors, readChart } from './support/chart-checks.ts';
import { DEMO } from './support/ports.ts';
import { builtPages, pageFile } from './support/site-pages.ts';

/** Pages of a built site whose HTML holds a chart. */
function chartPages(dist: string): string[] {
  return builtPages(dist).filter((p) => fs.readFileSync(pageFile(dist, p), 'utf8').includes('data-chart-spec'));
}

/** The bundled chart script(s): the JavaScript files that read the embedded chart data. */
function chartBundles(dist: string): string[] {
  const dir = path.join(dist, '_astro');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.js') && fs.readFileSync(path.join(dir, f), 'utf8').includes('data-chart-spec'))
    .map((f) => `/_astro/${f}`);
}

test.describe('the real campaign', () => {
  test('has charts exactly on the quota and enterprise pages, and their script nowhere else', () => {
    expect(chartPages('dist')).toEqual(['/enterprises/', '/quota/']);
    const bundles = chartBundles('dist');
    expect(bundles).toHaveLength(1);
    for (const page of builtPages('dist')) {
      const html = fs.readFileSync(pageFile('dist', page), 'utf8');
      expect(html.includes(bundles[0]!), page).toBe(html.includes('data-chart-spec'));
    }
  });

  test('the chart script stays within its size budget (bar chart parts of Chart.js only)', () => {
    const [bundle] = chartBundles('dist');
    const gzip = zlib.gzipSync(fs.readFileSync(path.join('dist', bundle!))).byteLength;
    expect(gzip).toBeLessThan(56_000);
  });

  test('quota charts paint and hold the quotas of zones.json', async ({ page, request }) => {
    const errors = collectErrors(page);
    await page.goto('/quota/');
    const figures = page.getByTestId('chart');
    await expect(figures).toHaveCount(2);
    const split = await checkChart(request, figures.nth(0));
    expect(split.rows.map((r) => [r.key, r.cells[0]?.value])).toEqual([
      ['county', '62'],
      ['industry', '5'],
      ['city', '13'],
    ]);
    const perZone = await checkChart(request, figures.nth(1));
    const zones = (await (await request.get('/data/zones.json')).json()) as { year: number; id: string; quota: number }[];
    expect(perZone.rows.map((r) => [r.key, Number(r.cells.find((c) => c.column === 'quota')?.value)])).toEqual(
      zones.filter((z) => z.year === 2019).map((z) => [z.id, z.quota]),
    );
    expect(errors).toEqual([]);
  });

  test('registration progress paints on the enterprise directory', async ({ page, request }) => {
    const errors = collectErrors(page);
    await page.goto('/enterprises/');
    const chart = await checkChart(request, page.getByTestId('chart'));
    expect(chart.spec.slug).toBe('registration-2019');
    expect(errors).toEqual([]);
  });

  test('nothing moves when a chart is drawn: its room is kept and its table folded from the first paint', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    // The chart script is held back until the page, as first painted, has been measured: a slow
    // phone network. (DOMContentLoaded itself waits for module scripts.)
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/_astro/Chart.astro*.js', async (route) => {
      await held;
      await route.continue();
    });
    // The script is held for as long as measuring takes, which on a busy machine can pass the 3 s
    // after which the page gives up the chart's room (tested below). That wait is not what this test
    // is about, so the page's animation clock is stopped: the room stays kept however slow we are.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Animation.enable');
    await cdp.send('Animation.setPlaybackRate', { playbackRate: 0 });
    await page.goto('/enterprises/', { waitUntil: 'commit' });
    const figure = page.getByTestId('chart');
    const after = page.getByTestId('chart-csv');
    await expect(after).toBeVisible();
    // What a reader sees first is the first paint, which waits for the page's stylesheets. Measured
    // earlier (a busy machine serves the stylesheet late), the layout is the unstyled one, 16 px text
    // instead of 18, that no reader ever sees: the figure "grew" 157.8 px when the chart was drawn.
    await page.waitForFunction(() => performance.getEntriesByName('first-paint').length > 0);
    const before = { figure: (await figure.boundingBox())!, next: (await after.boundingBox())! };
    expect(await figure.getAttribute('data-drawn')).toBeNull();
    await expect(figure.locator('table')).toBeHidden();
    release();
    await expect(figure).toHaveAttribute('data-drawn', 'true', { timeout: 30_000 });
    const drawn = { figure: (await figure.boundingBox())!, next: (await after.boundingBox())! };
    expect(Math.abs(drawn.figure.height - before.figure.height)).toBeLessThanOrEqual(2);
    expect(Math.abs(drawn.next.y - before.next.y)).toBeLessThanOrEqual(2);
    // The canvas fills the room kept for it, which is well over a row per zone.
    const canvas = (await figure.locator('.chart-plot canvas').boundingBox())!;
    const plot = (await figure.locator('.chart-plot').boundingBox())!;
    expect(Math.abs(canvas.height - plot.height)).toBeLessThanOrEqual(1);
    expect(plot.height).toBeGreaterThan((await figure.locator('tbody tr').count()) * 40);
  });

  test('when the chart script never arrives, the reader gets the table after a short wait', async ({ page }) => {
    await page.route('**/_astro/Chart.astro*.js', (route) => route.abort());
    await page.goto('/enterprises/');
    const figure = page.getByTestId('chart');
    await expect(figure.locator('table')).toBeVisible({ timeout: 6000 });
    await expect(figure.locator('.chart-canvas')).toBeHidden();
  });

  test('pages without figures to chart show no chart and load no chart code', async ({ page }) => {
    const bundles = chartBundles('dist');
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script' && bundles.some((b) => r.url().endsWith(b))) scripts.push(r.url());
    });
    for (const p of ['/', '/results/', '/enterprises/zhonglv-zhongzhou/', '/data/', '/leaderboard/']) {
      await page.goto(p);
      await expect(page.getByTestId('chart')).toHaveCount(0);
    }
    expect(scripts).toEqual([]);
    await page.goto('/leaderboard/');
    await expect(page.getByTestId('leaderboard-empty')).toContainText('尚未公布');
  });
});

test.describe('the demo campaign', () => {
  const pages = chartPages('dist-demo');

  test('shows every kind of chart somewhere', () => {
    expect(pages).toEqual(expect.arrayContaining(['/quota/', '/enterprises/', '/enterprises/qinglan-lvye/', '/leaderboard/', '/archive/2023/']));
  });

  for (const p of pages) {
    test(`${p}: every chart paints under the CSP, its table holds its numbers, its CSV parses back`, async ({ page, request }) => {
      const errors = collectErrors(page);
      await page.goto(DEMO + p);
      const figures = page.getByTestId('chart');
      const n = await figures.count();
      expect(n).toBeGreaterThan(0);
      // A dozen charts on /leaderboard/, each scrolled to, drawn and read back: the time this takes
      // grows with their number and with the machine's load (it passed 30 s beside a CPU hog).
      test.setTimeout(30_000 + n * 10_000);
      for (let i = 0; i < n; i++) await checkChart(request, figures.nth(i), DEMO);
      expect(errors).toEqual([]);
    });
  }

  test('an enterprise’s energy chart holds its figures from energy.json', async ({ page, request }) => {
    await page.goto(`${DEMO}/enterprises/qinglan-lvye/`);
    const chart = await readChart(page.getByTestId('chart'));
    const energy = (await (await request.get(`${DEMO}/data/energy.json`)).json()) as { year: number; enterprise: string; value: number; industry_average: number }[];
    const own = energy.filter((r) => r.enterprise === 'qinglan-lvye').sort((a, b) => a.year - b.year);
    expect(chart.rows.map((r) => [r.label, Number(r.cells[0]?.value), Number(r.cells[1]?.value)])).toEqual(
      own.map((r) => [`${r.year}年`, r.value, r.industry_average]),
    );
  });

  test('leaderboards rank by the rate computed from energy.json and list 无上年数据 unranked', async ({ page, request }) => {
    await page.goto(`${DEMO}/leaderboard/`);
    const energy = (await (await request.get(`${DEMO}/data/energy.json`)).json()) as { year: number; enterprise: string; indicator: string; value: number }[];
    const figures = page.getByTestId('chart').filter({ has: page.locator('figcaption', { hasText: '节能率排行' }) });
    const n = await figures.count();
    expect(n).toBeGreaterThan(1);
    let unranked = 0;
    for (let i = 0; i < n; i++) {
      const chart = await readChart(figures.nth(i));
      const rates: number[] = [];
      for (const row of chart.rows) {
        const cell = (key: string) => row.cells.find((c) => c.column === key)!;
        const now = energy.find((r) => r.year === 2024 && r.enterprise === row.key);
        const before = energy.find((r) => r.year === 2023 && r.enterprise === row.key && r.indicator === now?.indicator);
        if (!before) {
          expect(cell('rate').text).toBe('无上年数据');
          expect(cell('rank').value).toBeNull();
          unranked++;
          continue;
        }
        const rate = Math.round(((before.value - now!.value) / before.value) * 10000) / 100;
        expect(Number(cell('rate').value), row.label).toBe(rate);
        rates.push(rate);
      }
      expect(rates).toEqual([...rates].sort((a, b) => b - a));
    }
    expect(unranked).toBeGreaterThan(0);
  });

  test('the award chart counts published awards only', async ({ page, request }) => {
    await page.goto(`${DEMO}/archive/2023/`);
    const chart = await readChart(page.getByTestId('chart').filter({ has: page.locator('figcaption', { hasText: '表彰' }) }));
    // The open data keeps the 公示 on record, withdrawals with their reason; the chart counts the decided awards.
    const awards = (await (await request.get(`${DEMO}/data/awards.json`)).json()) as { year: number; recipient: string; withdrawn?: string }[];
    const total = chart.spec.footer?.cells.total;
    expect(awards.filter((a) => a.year === 2023 && a.withdrawn).length).toBe(1);
    expect(total).toBe(awards.filter((a) => a.year === 2023 && !a.withdrawn).length);
    expect(total).toBe(9);
  });

  test('without JavaScript the reader gets the table', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${DEMO}/leaderboard/`);
    const figure = page.getByTestId('chart').first();
    await expect(figure.locator('table')).toBeVisible();
    await expect(figure.locator('caption')).not.toBeEmpty();
    await expect(figure.locator('thead th[scope="col"]').first()).toBeVisible();
    await expect(figure.locator('tbody th[scope="row"]').first()).toBeVisible();
    await expect(figure.locator('canvas')).toBeHidden();
    await expect(figure.getByTestId('chart-csv')).toBeVisible();
    await context.close();
  });

  test('at 360 px with large text, charts fit the screen and their text grows', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${DEMO}/archive/2023/`);
    const normal = await page.getByTestId('chart').locator('.chart-canvas').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    // The reader's larger text setting, applied before the chart script runs.
    await page.addInitScript(() => {
      document.addEventListener('readystatechange', () => {
        if (document.readyState === 'interactive') document.documentElement.style.fontSize = '200%';
      });
    });
    await page.reload();
    const figure = page.getByTestId('chart');
    await figure.scrollIntoViewIfNeeded(); // drawn as it comes near the screen
    await expect(figure).toHaveAttribute('data-drawn', 'true');
    const large = await figure.locator('.chart-canvas').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(large).toBeGreaterThan(normal * 1.5);
    const box = await figure.locator('.chart-plot canvas').boundingBox();
    expect(box!.width).toBeLessThanOrEqual(360);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const chart = await readChart(figure);
    expect(chart.canvas.painted).toBeGreaterThan(0);
    await context.close();
  });
});
