import { expect, test, type Page } from '@playwright/test';

// The demo build has every content type, so search over it covers workers, stories and news.

async function search(page: Page, q: string, extra = '') {
  await page.goto(`/search/?q=${encodeURIComponent(q)}${extra}`);
  await expect(page.getByTestId('search-status')).toContainText(/\d+ 个/);
}

const resultUrls = (page: Page) =>
  page.locator('.search-result h2 a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));

test('a worker’s name finds the worker’s profile first, marked 劳模-type', async ({ page }) => {
  await search(page, '李秀兰');
  expect((await resultUrls(page))[0]).toBe('/workers/li-xiulan/');
  await expect(page.locator('.search-result').first().locator('h2 mark')).toHaveText('李秀兰');
});

test('the type filter finds stories (先进经验) and news (新闻) by their words', async ({ page }) => {
  await search(page, '余热', '&type=先进经验');
  expect(await resultUrls(page)).toEqual(['/stories/2023-hongyuan-yure/']);
  await search(page, '启动会', '&type=新闻');
  expect(await resultUrls(page)).toEqual(['/news/2023-03-15-news-1/']);
});

test('the year filter separates campaign years', async ({ page }) => {
  await search(page, '表彰大会', '&year=2023');
  await expect(page.getByTestId('search-status')).toContainText('共 0 个');
  await search(page, '表彰大会', '&year=2024');
  expect(await resultUrls(page)).toContain('/news/2024-02-26-news-6/');
});

test('drafts and scheduled items are not in the index', async ({ page }) => {
  for (const q of ['尚未审定', '定时发布', '草稿消息']) {
    await search(page, q);
    await expect(page.getByTestId('search-status')).toContainText('共 0 个');
  }
});

test('traditional characters find the simplified text, marked as printed (節能 → 节能)', async ({ page }) => {
  await search(page, '節能');
  const status = page.getByTestId('search-status');
  await expect(status).toContainText('已按简体字查找');
  await expect(status).toContainText(/找到 [1-9]\d* 个/);
  const marks = await page.locator('.search-results mark').allTextContents();
  expect(marks.length).toBeGreaterThan(0);
  for (const m of marks) expect(m.replaceAll('节能', '')).toBe('');
  // As many pages as the simplified query finds.
  const count = (await status.textContent())?.match(/找到 (\d+) 个/)?.[1];
  await search(page, '节能');
  await expect(page.getByTestId('search-status')).toContainText(`找到 ${count} 个`);
});
