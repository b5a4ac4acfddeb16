import { expect, test, type Page } from '@playwright/test';

async function roomKept(page: Page, opts: { rate: number; cssDelay: number; waitPaint: boolean }) {
  await page.setViewportSize({ width: 360, height: 740 });
  const cdp = await page.context().newCDPSession(page);
  if (opts.rate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: opts.rate });
  await cdp.send('Animation.enable');
  await cdp.send('Animation.setPlaybackRate', { playbackRate: 0 });
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/_astro/Chart.astro*.js', async (route) => { await held; await route.continue(); });
  if (opts.cssDelay) await page.route('**/_astro/*.css', async (route) => { await new Promise((r) => setTimeout(r, opts.cssDelay)); await route.continue(); });
  await page.goto('/enterprises/', { waitUntil: 'commit' });
  const figure = page.getByTestId('chart');
  const after = page.getByTestId('chart-csv');
  await expect(after).toBeVisible();
  if (opts.waitPaint) await page.waitForFunction(() => performance.getEntriesByName('first-paint').length > 0);
  const before = { figure: (await figure.boundingBox())!, next: (await after.boundingBox())! };
  expect(await figure.getAttribute('data-drawn')).toBeNull();
  await expect(figure.locator('table')).toBeHidden();
  release();
  await expect(figure).toHaveAttribute('data-drawn', 'true', { timeout: 60_000 });
  const drawn = { figure: (await figure.boundingBox())!, next: (await after.boundingBox())! };
  console.log(JSON.stringify(opts), 'diff', drawn.figure.height - before.figure.height, drawn.next.y - before.next.y);
  expect(Math.abs(drawn.figure.height - before.figure.height)).toBeLessThanOrEqual(2);
  expect(Math.abs(drawn.next.y - before.next.y)).toBeLessThanOrEqual(2);
}

test.setTimeout(120_000);
test.skip('old wait, stylesheet late by 1.5 s (the CI failure)', ({ page }) => roomKept(page, { rate: 1, cssDelay: 1500, waitPaint: false }));
test('new wait, stylesheet late by 1.5 s', ({ page }) => roomKept(page, { rate: 1, cssDelay: 1500, waitPaint: true }));
for (const rate of [6, 12, 20]) for (const run of [1, 2]) test(`new wait, CPU ${rate}x, run ${run}`, ({ page }) => roomKept(page, { rate, cssDelay: 0, waitPaint: true }));
