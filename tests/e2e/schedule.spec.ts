import { expect, test } from '@playwright/test';

/**
 * The real 2019 campaign read on the build's day: the e2e builds are made with today's date, and
 * every day after 2019 sees the whole year behind it. Statuses are words beside the data-driven
 * views; the step the notice gives no time for has none.
 */
test.describe('the 2019 schedule, read after 2019', () => {
  test('the home page says the year is over, what the site has published since, and marks each step in words', async ({ page }) => {
    await page.goto('/');
    const over = page.getByTestId('year-over');
    await expect(over.getByRole('heading', { level: 2 })).toHaveText('2019年度已经结束');
    await expect(over).toContainText('按北京时间');
    await expect(page.getByTestId('since-year-end')).toContainText('2020年1月1日以来，本站');
    await expect(page.getByTestId('since-year-end')).toContainText(/2019年度评选结果(尚未在本站公布|已在本站公布)/);

    const steps = page.getByTestId('timeline').locator('li');
    await expect(steps).toHaveCount(4);
    await expect(steps.nth(0)).toContainText('年初已截止');
    await expect(steps.nth(1)).toContainText('2019年4月底前已截止');
    await expect(steps.nth(2)).toContainText('年底已截止');
    await expect(steps.nth(3).locator('.status')).toHaveCount(0);
    await expect(steps.nth(3)).toContainText('通知未载明具体时间');
    await expect(page.getByTestId('report-deadline')).toContainText('2019年4月底前已截止');
  });

  test('the participate page says the report deadline has passed', async ({ page }) => {
    await page.goto('/participate/');
    await expect(page.getByTestId('deadline')).toContainText('于2019年4月底前报市总工会生产保护部');
    await expect(page.getByTestId('deadline-status')).toContainText('已截止 这一期限已于2019年4月30日截止');
    await expect(page.getByTestId('timeline').locator('li[data-status="past"]')).toHaveCount(3);
  });

  test('the results page, with no results on the site, says the year is over and they are not yet published here', async ({ page }) => {
    await page.goto('/results/');
    await expect(page.getByTestId('coming-soon')).toContainText('2019年度已经结束');
    await expect(page.getByTestId('coming-soon')).toContainText('本站尚未公示这一年度的评选对象');
  });

  test('the notice itself carries no status', async ({ page }) => {
    await page.goto('/notices/jiaogongwen-2019-27/');
    await expect(page.locator('main .status')).toHaveCount(0);
    await expect(page.locator('main')).not.toContainText('已截止');
  });
});
