import { expect, test } from '@playwright/test';

test('an earlier year keeps its results in the archive, nominations marked in words', async ({ page }) => {
  await page.goto('/archive/');
  await page.getByRole('link', { name: '2023年' }).click();
  await expect(page).toHaveURL(/\/archive\/2023\/$/);
  const categories = page.getByTestId('award-category');
  await expect(categories).toHaveCount(3);
  const units = categories.filter({ hasText: '节能减排竞赛先进单位' });
  await expect(units.locator('tbody tr')).toHaveCount(3);
  await expect(units.locator('tr[data-recipient="qinglan-lvye"]')).toContainText('推荐申报示例市五一劳动奖状');
  await expect(units.locator('tr[data-recipient="taifeng-gangtie"]')).not.toContainText('推荐申报');
  const people = categories.filter({ hasText: '先进个人' });
  await expect(people.getByRole('link', { name: '李秀兰' })).toHaveAttribute('href', '/workers/li-xiulan/');
  // its own quota table and participants
  await expect(page.getByTestId('zone-quota-total').first()).toHaveText('9');
  await expect(page.getByTestId('quota-grand-total').first()).toContainText('合计：12家');
});

test('the current year shows what will appear while its results are not yet announced', async ({ page }) => {
  await page.goto('/results/');
  await expect(page.locator('h1')).toHaveText('2024年评选结果');
  await expect(page.getByTestId('coming-soon')).toBeVisible();
  await expect(page.getByTestId('award-category')).toHaveCount(0);
});

test('a zone with a quota and no list yet says its list is pending', async ({ page }) => {
  await page.goto('/enterprises/');
  await expect(page.locator('section', { has: page.locator('#zone-beihu') }).getByTestId('zone-pending')).toContainText('名额1家');
  await expect(page.getByTestId('named-total')).toHaveText('12');
});
