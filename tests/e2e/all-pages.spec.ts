import { expect, test } from '@playwright/test';
import { builtPages } from './support/site-pages.ts';

// Both builds are crawled: each project visits the pages of the site it serves.
const SITES = { real: builtPages('dist'), demo: builtPages('dist-demo') };

test('the real build produced the expected sections', () => {
  for (const p of ['/', '/quota/', '/enterprises/', '/participate/', '/results/', '/stories/', '/news/', '/workers/', '/archive/']) {
    expect(SITES.real).toContain(p);
  }
  expect(SITES.real.filter((p) => p.startsWith('/notices/'))).not.toHaveLength(0);
});

for (const [project, pages] of Object.entries(SITES)) {
  for (const path of pages) {
    test(`${project} ${path} renders in Chinese without console errors`, async ({ page }, info) => {
      test.skip(info.project.name !== project, `page of the ${project} build`);
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
      // Fictional content is marked 示例 on every page of the demo, and never appears in the real build.
      if (project === 'demo') await expect(page.locator('.demo-banner')).toContainText('示例');
      else await expect(page.locator('.demo-banner')).toHaveCount(0);
      expect(errors).toEqual([]);
    });
  }
}

test('an unknown address gets the 404 page', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('页面未找到');
  await expect(page.getByRole('link', { name: '返回首页' })).toBeVisible();
});
