import { expect, test } from '@playwright/test';

/** 更正记录 on the demo: a news item corrected in its frontmatter, a results table in data/corrections.csv. */
test('the site-wide list links each correction to its page, which shows it with its 更新日期', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('contentinfo').getByRole('link', { name: '更正记录' }).click();
  const list = page.getByTestId('corrections-list').locator('li');
  await expect(list).toHaveCount(5);
  await expect(list.first()).toContainText('2024年5月20日');
  await list.filter({ hasText: '活动日期' }).getByRole('link').click();
  await expect(page).toHaveURL(/\/news\/2023-06-10-news-3\/$/);
  await expect(page.locator('article .muted').first()).toContainText('发布日期：2023年6月10日　更新日期：2023年6月12日');
  await expect(page.getByTestId('corrections')).toContainText('2023年6月12日：活动日期原误写为 2023-06-01');
  await page.goto('/archive/2023/');
  await expect(page.getByTestId('corrections')).toContainText('合成反应工段');
});

test('a table correction is shown on /participate/ and on the page of the enterprise it concerns', async ({ page }) => {
  await page.goto('/participate/');
  await expect(page.getByTestId('updated')).toHaveText('更新日期：2024年3月5日');
  await expect(page.getByTestId('corrections')).toContainText('2024年3月5日：“报送竞赛方案和参赛企业名单”的期限');
  await page.goto('/enterprises/qinglan-lvye/');
  await expect(page.getByTestId('updated')).toHaveText('更新日期：2024年5月20日');
  await expect(page.getByTestId('corrections')).toContainText('吨铝综合交流电耗原误录为');
  await page.goto('/enterprises/hongyuan-huagong/');
  await expect(page.getByRole('heading', { name: '宏源化工股份有限公司', level: 1 })).toBeVisible();
  await expect(page.getByTestId('corrections')).toHaveCount(0);
});

test('a notice’s corrections are shown under it, outside the document’s frame', async ({ page }) => {
  await page.goto('/notices/shigongwen-2024-3/');
  await expect(page.getByTestId('updated')).toHaveText('更新日期：2024年3月5日');
  await expect(page.getByTestId('corrections')).toContainText('2024年3月5日：报送期限原误写为');
  await expect(page.locator('article.official-doc [data-testid="corrections"], article.official-doc [data-testid="updated"]')).toHaveCount(0);
  await page.goto('/notices/shigongwen-2023-5/');
  await expect(page.locator('article.official-doc')).toBeVisible();
  await expect(page.getByTestId('corrections')).toHaveCount(0);
});

test('the corrections feed carries the same entries, dated in Beijing', async ({ request }) => {
  const xml = await (await request.get('/corrections.xml')).text();
  expect(xml.match(/<item>/g)).toHaveLength(5);
  expect(xml).toContain('<pubDate>Fri, 12 Jan 2024 00:00:00 +0800</pubDate>');
});
