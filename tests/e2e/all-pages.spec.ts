import { expect, test } from '@playwright/test';
import { builtPages } from './site-pages.ts';

const pages = builtPages();

test('the build produced the expected sections', () => {
  for (const p of ['/', '/quota/', '/enterprises/', '/participate/', '/results/', '/stories/', '/news/']) {
    expect(pages).toContain(p);
  }
  expect(pages.filter((p) => p.startsWith('/notices/'))).not.toHaveLength(0);
});

for (const path of pages) {
  test(`${path} renders in Chinese without console errors`, async ({ page }) => {
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.locator('main#main')).toBeVisible();
    expect(await page.title()).toContain('三比两降');
    expect(errors).toEqual([]);
  });
}

test('an unknown address gets the 404 page', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('页面未找到');
  await expect(page.getByRole('link', { name: '返回首页' })).toBeVisible();
});
