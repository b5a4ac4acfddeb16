import { expect, test } from '@playwright/test';

for (const rate of [1, 6, 12, 20]) {
  for (let run = 0; run < 3; run++) {
    test(`probe rate ${rate} run ${run}`, async ({ page }) => {
      await page.setViewportSize({ width: 360, height: 740 });
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      let release = () => {};
      const held = new Promise<void>((r) => (release = r));
      await page.route('**/_astro/Chart.astro*.js', async (route) => {
        await held;
        await route.continue();
      });
      await page.addInitScript(() => {
        (window as any).__shifts = [];
        new PerformanceObserver((l) => { for (const e of l.getEntries()) (window as any).__shifts.push([Math.round(e.startTime), (e as any).value]); }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto('/enterprises/', { waitUntil: 'commit' });
      const figure = page.getByTestId('chart');
      const after = page.getByTestId('chart-csv');
      await expect(after).toBeVisible();
      const state = await page.evaluate(() => ({ t: Math.round(performance.now()), paints: performance.getEntriesByType('paint').map((p) => p.name), sheets: document.styleSheets.length, fs: getComputedStyle(document.body).fontSize }));
      const before = (await figure.boundingBox())!;
      await expect(figure.locator('table')).toBeHidden();
      release();
      await expect(figure).toHaveAttribute('data-drawn', 'true');
      const drawn = (await figure.boundingBox())!;
      const shifts = await page.evaluate(() => (window as any).__shifts);
      console.log(rate, run, JSON.stringify(state), 'before', before.height, 'drawn', drawn.height, 'shifts', JSON.stringify(shifts));
    });
  }
}
