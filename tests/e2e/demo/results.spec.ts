import { expect, test } from '@playwright/test';

test('an earlier year keeps its results in the archive, nominations marked in words', async ({ page }) => {
  await page.goto('/archive/');
  await page.getByRole('link', { name: '2023年' }).click();
  await expect(page).toHaveURL(/\/archive\/2023\/$/);
  const final = page.getByTestId('final-results');
  await expect(final.getByTestId('decision-links').getByRole('link', { name: '示工文〔2024〕1号' })).toHaveAttribute('href', '/decisions/shigongwen-2024-1/');
  const categories = final.getByTestId('award-category');
  await expect(categories).toHaveCount(3);
  const units = categories.filter({ hasText: '节能减排竞赛先进单位' });
  // huaxin-boli was withdrawn after the 公示: not in the final list …
  await expect(units.locator('tbody tr')).toHaveCount(3);
  await expect(units.locator('tr[data-recipient="huaxin-boli"]')).toHaveCount(0);
  // … while the 公示 stays on record as published, the withdrawal and its reason told.
  const record = page.getByTestId('publicity').filter({ hasText: '2023年评选表彰对象公示' });
  await expect(record.locator('[data-publicity-badge]')).toHaveText('已作出表彰决定');
  await expect(record.locator('li[data-recipient="huaxin-boli"]')).toHaveText(/华信玻璃有限公司/);
  await expect(record.getByTestId('publicity-withdrawn')).toContainText('华信玻璃有限公司（节能减排竞赛先进单位）：经核实');
  await expect(units.locator('tr[data-recipient="qinglan-lvye"]')).toContainText('推荐申报示例市五一劳动奖状');
  await expect(units.locator('tr[data-recipient="taifeng-gangtie"]')).not.toContainText('推荐申报');
  const people = categories.filter({ hasText: '先进个人' });
  await expect(people.getByRole('link', { name: '李秀兰' })).toHaveAttribute('href', '/workers/li-xiulan/');
  // its own quota table and participants
  await expect(page.getByTestId('zone-quota-total').first()).toHaveText('9');
  await expect(page.getByTestId('quota-grand-total').first()).toContainText('合计：12家');
});

test('the current year, its 公示 over and no decision yet, says so and shows no final list', async ({ page }) => {
  // The e2e builds are made with today's date: the demo's 2024 公示 (to 2024-12-06 18:00) is over.
  await page.goto('/results/');
  await expect(page.locator('h1')).toHaveText('2024年评选结果');
  const publicity = page.getByTestId('publicity').first();
  await expect(publicity.locator('[data-publicity-badge]')).toHaveText('公示期满，待表彰决定');
  await expect(publicity).toContainText('公示已于2024年12月6日18时期满');
  await expect(page.getByTestId('award-category')).toHaveCount(0);
  await page.goto('/');
  await expect(page.getByTestId('home-publicity')).toContainText('公示期满，待表彰决定');
});

test('the 表彰决定 is laid out like the notice, with the list it made final as its attachment', async ({ page }) => {
  await page.goto('/decisions/shigongwen-2024-1/');
  await expect(page.locator('h1')).toContainText('关于表彰2023年度');
  await expect(page.locator('.doc-number')).toContainText('示工文〔2024〕1号');
  await expect(page.locator('.doc-signature')).toContainText('2024年1月10日');
  const list = page.locator('#attachment-1');
  await expect(list.locator('tr[data-recipient]')).toHaveCount(9);
  await expect(list.locator('tr[data-recipient="huaxin-boli"]')).toHaveCount(0);
});

test('a zone with a quota and no list yet says its list is pending', async ({ page }) => {
  await page.goto('/enterprises/');
  await expect(page.locator('section', { has: page.locator('#zone-beihu') }).getByTestId('zone-pending')).toContainText('名额1家');
  await expect(page.getByTestId('named-total')).toHaveText('12');
});
