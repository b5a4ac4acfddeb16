import { expect, test } from '@playwright/test';

/**
 * The demo's current year is 2024, and the e2e builds are made with today's date: any day from
 * 2025 on sees it over. (Statuses during a year are checked in tests/build/schedule.test.ts on a
 * pinned day.)
 */
test('after the demo’s 2024, the home page says so and the step worded 次年一季度 has no status', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('year-over')).toContainText('2024年度已经结束');
  await expect(page.getByTestId('since-year-end')).toContainText('2025年1月1日以来');
  const steps = page.getByTestId('timeline').locator('li');
  await expect(steps.filter({ hasText: '2024年4月底前' })).toContainText('已截止');
  await expect(steps.filter({ hasText: '次年一季度' }).locator('.status')).toHaveCount(0);
});
