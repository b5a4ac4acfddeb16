import { expect, test, type Page } from '@playwright/test';

async function zoneQuotas(page: Page): Promise<number[]> {
  return page.getByTestId('zone-quota').locator('tbody td[data-quota]').evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-quota'))));
}

test('the quota table totals reconcile', async ({ page }) => {
  await page.goto('/quota/');
  const quotas = await zoneQuotas(page);
  expect(quotas).toHaveLength(13);
  const zoneTotal = quotas.reduce((a, b) => a + b, 0);
  await expect(page.getByTestId('zone-quota-total')).toHaveText(String(zoneTotal));
  const city = await page.getByTestId('city-enterprises').locator('tbody tr').count();
  await expect(page.getByTestId('city-total')).toHaveText(`${city}家`);
  await expect(page.getByTestId('quota-grand-total')).toContainText(`合计：${zoneTotal + city}家`);
  expect(zoneTotal + city).toBe(80);
});

test('the quota table marks counties/districts and industry unions', async ({ page }) => {
  await page.goto('/quota/');
  const rows = page.getByTestId('zone-quota').locator('tbody tr');
  await expect(rows.filter({ hasText: '沁阳市' })).toContainText('县市区');
  await expect(rows.filter({ hasText: '交通' })).toContainText('产业工会');
  await expect(rows.filter({ hasText: '建设' })).toContainText('产业工会');
});

test('the home page figures come from the same data', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('figure-planned')).toHaveText('80家');
  await expect(page.locator('.items h3')).toHaveText(['比管理水平', '比技术创新', '比岗位建功', '降能耗', '降排放']);
});
