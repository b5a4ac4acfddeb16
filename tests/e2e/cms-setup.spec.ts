import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { sitemapPages } from './support/site-pages.ts';

/**
 * The real build has no CMS settings (they are set at deploy time): /admin/ then says in Chinese
 * what to set, and loads no CMS at all. In neither build is it in the sitemap.
 */
test('without settings /admin/ explains what to set, in Chinese, and loads no CMS', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
  await page.goto('/admin/');
  await expect(page.getByRole('heading', { name: '网站后台尚未设置' })).toBeVisible();
  for (const name of ['PORTAL_CMS_BACKEND', 'PORTAL_CMS_REPO', 'PORTAL_CMS_APP_ID']) await expect(page.getByText(name)).toBeVisible();
  await page.waitForLoadState('networkidle');
  // No script at all: the CMS's start-up comes with the page only where it is configured.
  expect(scripts).toEqual([]);
  expect(await page.request.get('/admin/config.json').then((r) => r.json())).toBeNull();
  expect(await page.locator('meta[name=robots]').getAttribute('content')).toContain('noindex');
});

test('/admin/ is in neither sitemap', () => {
  for (const dist of ['dist', 'dist-demo']) {
    expect(fs.existsSync(`${dist}/admin/index.html`), dist).toBe(true);
    expect(sitemapPages(dist).filter((p) => p.startsWith('/admin'))).toEqual([]);
  }
});
