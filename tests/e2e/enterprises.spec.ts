import { expect, test } from '@playwright/test';

test('the directory lists the city-level enterprises and marks zones whose list is pending', async ({ page }) => {
  await page.goto('/enterprises/');
  await expect(page.locator('#zone-city ~ ul li').first()).toBeVisible();
  await expect(page.locator('section', { has: page.locator('#zone-city') }).locator('li')).toHaveCount(13);
  const pending = page.getByTestId('zone-pending');
  await expect(pending).toHaveCount(13);
  // after the 2019 deadline the page cannot say the list is still to come, only that it is not on this site
  await expect(page.locator('section', { has: page.locator('#zone-mengzhou') })).toContainText('名额10家，本站尚未公布这一赛区的参赛企业名单');
  await expect(pending.first()).toContainText('名单应于2019年4月底前报市总工会生产保护部，这一期限已截止');
});

test('an enterprise page names its group and year', async ({ page }) => {
  await page.goto('/enterprises/');
  await page.getByRole('link', { name: '蒙牛乳业（焦作）有限公司' }).click();
  await expect(page).toHaveURL(/\/enterprises\/mengniu-jiaozuo\/$/);
  await expect(page.locator('h1')).toHaveText('蒙牛乳业（焦作）有限公司');
  await expect(page.locator('.facts')).toContainText('市直');
  await expect(page.locator('.facts')).toContainText('2019年');
});

test('sections without content yet say what will appear', async ({ page }) => {
  const promises = { '/results/': '拟表彰对象先在这里公示', '/stories/': '这里将', '/news/': '这里将' };
  for (const [path, promise] of Object.entries(promises)) {
    await page.goto(path);
    await expect(page.getByTestId('coming-soon')).toContainText(promise);
  }
});

test('the real build contains no fictional content', async ({ page }) => {
  for (const path of ['/', '/news/', '/stories/', '/workers/', '/results/']) {
    await page.goto(path);
    await expect(page.locator('body')).not.toContainText('示例');
  }
});
