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
