import { expect, test, type Page } from '@playwright/test';

// WCAG 1.4.10 reflow: the page itself never scrolls sideways, a table wider than the screen scrolls in its own box.

const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('at 320 px a wide table scrolls in its own box, which the keyboard can reach', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/enterprises/qinglan-lvye/');
  const box = page.getByRole('region', { name: '2024年能耗指标' });
  const { scrollWidth, clientWidth } = await box.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
  expect(scrollWidth).toBeGreaterThan(clientWidth);
  expect(await sidewaysScroll(page)).toBe(0);
  await expect(box).toHaveAttribute('tabindex', '0');
  await box.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
});
