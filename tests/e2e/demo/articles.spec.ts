import { expect, test } from '@playwright/test';

test('news are listed newest first, ten a page, without drafts or items dated in the future', async ({ page }) => {
  await page.goto('/news/');
  const items = page.locator('.entry-list li');
  await expect(items).toHaveCount(10);
  const dates = await items.locator('time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime') ?? ''));
  expect(dates).toEqual([...dates].sort().reverse());
  await page.getByRole('link', { name: '下一页' }).click();
  await expect(page).toHaveURL(/\/news\/page\/2\/$/);
  await expect(page.locator('.entry-list li')).toHaveCount(2);
  await expect(page.locator('body')).not.toContainText('草稿');
  await expect(page.locator('body')).not.toContainText('定时发布');
});

test('drafts and scheduled items have no page', async ({ request }) => {
  for (const path of ['/news/2024-11-01-draft/', '/news/2099-01-01-scheduled/', '/stories/2024-draft-story/']) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
});

test('the RSS feed lists the published news only', async ({ request }) => {
  const xml = await (await request.get('/rss.xml')).text();
  expect(xml.match(/<item>/g)).toHaveLength(12);
  expect(xml).toContain('<language>zh-cn</language>');
  expect(xml).not.toContain('草稿');
  expect(xml).not.toContain('2099');
});

test('a story in MDX can hold a data table, and links to its enterprise', async ({ page }) => {
  await page.goto('/stories/');
  await page.getByRole('link', { name: '一台槽一台槽抠出来的节电账（示例）' }).click();
  const table = page.getByRole('table', { name: '电解二车间节电措施（示例数据）' });
  await expect(table.locator('tbody tr')).toHaveCount(3);
  await expect(table.locator('tbody tr').first().locator('td')).toHaveText('120');
  await expect(page.getByRole('link', { name: '青岚铝业有限公司' }).first()).toHaveAttribute('href', '/enterprises/qinglan-lvye/');
  // …and a chart, written in the story as <EnterpriseEnergyChart enterprise="qinglan-lvye" />
  const chart = page.getByTestId('chart');
  await chart.scrollIntoViewIfNeeded(); // drawn as it comes near the screen
  await expect(chart).toHaveAttribute('data-drawn', 'true');
  await expect(chart.locator('table tbody tr')).toHaveCount(2);
  await expect(page.locator('body')).not.toContainText('尚未审定');
});

test('a worker profile has a processed photo with a text alternative, enterprise, role and honours', async ({ page }) => {
  await page.goto('/workers/');
  await page.getByRole('link', { name: '李秀兰' }).click();
  await expect(page.locator('h1')).toHaveText('李秀兰');
  const photo = page.locator('img.portrait');
  await expect(photo).toHaveAttribute('alt', /李秀兰/);
  await expect(photo).toHaveAttribute('src', /^\/_astro\/.+\.webp$/);
  // Loaded and decoded: waited for, since a busy machine may still be fetching it.
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expect(page.locator('.facts')).toContainText('宏源化工股份有限公司');
  await expect(page.locator('.facts')).toContainText('合成反应工段技师');
  await expect(page.locator('.facts')).toContainText('推荐申报示例市五一劳动奖章（示例）');
});
