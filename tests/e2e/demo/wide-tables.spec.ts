import { expect, test, type Page } from '@playwright/test';

// WCAG 1.4.10 reflow: the page itself never scrolls sideways, a table wider than the screen scrolls in its own box.

const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('at 320 px a wide table scrolls in its own box, which the keyboard can reach', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  // A leaderboard's data table is wide by nature (small record tables, such as an enterprise's figures, stack instead).
  await page.goto('/leaderboard/');
  // Its chart is drawn as it comes near the screen, and the table then folds away behind its 数据表 summary:
  // wait for the drawing, then open the table as a reader would.
  const figure = page.locator('figure[data-chart]', { has: page.locator('[aria-label="2024年冶金建材行业节能率排行：数据表"]') });
  await figure.scrollIntoViewIfNeeded();
  await expect(figure.locator('.chart-canvas')).toBeVisible();
  const details = figure.locator('details');
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
  const box = page.getByRole('region', { name: '2024年冶金建材行业节能率排行：数据表' });
  const { scrollWidth, clientWidth } = await box.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
  expect(scrollWidth).toBeGreaterThan(clientWidth);
  expect(await sidewaysScroll(page)).toBe(0);
  await expect(box).toHaveAttribute('tabindex', '0');
  await box.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
});
