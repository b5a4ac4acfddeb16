import { expect, test, type Page } from '@playwright/test';
import { readRepo } from '../support/cms-repo.ts';

/**
 * The demo's /admin/ as a first-time visitor finds it, with nothing put into the browser by the
 * test: its test repository starts with the demo's content, the page says where changes go and
 * how to start again; the lists say each entry's status; a first save says it is a draft; a
 * number cell keeps what was typed and says what the build would say.
 */
test.use({ viewport: { width: 1280, height: 1600 } });

const text = (files: Record<string, string>, file: string) => Buffer.from(files[file] ?? '', 'base64').toString('utf8');

async function signIn(page: Page) {
  await page.goto('/admin/');
  await expect(page.getByRole('status').filter({ hasText: '示例站点的网站后台' })).toContainText('只保存在你这台电脑的这个浏览器里');
  await page.getByRole('button', { name: '使用测试仓库' }).click();
  await expect(page.getByRole('group', { name: '内容库' })).toBeVisible({ timeout: 30_000 });
}

test('the demo’s CMS starts with the demo’s content, shows status, and can be reset', async ({ page }) => {
  test.setTimeout(120_000);
  page.setDefaultTimeout(15_000);
  await signIn(page);

  // The news list: status and date, newest first (the scheduled item is dated 2099).
  await page.goto('/admin/#/collections/news');
  const list = page.getByRole('grid').or(page.getByRole('list')).first();
  await expect(list).toContainText('定时发布（2099-01-01） · 2099-01-01 · 定时发布的消息（示例，未来日期）');
  await expect(list).toContainText('草稿 · 2024-11-01 · 草稿消息（示例）');
  await expect(list).toContainText('已发布 · 2024-10-15 · 示例市“三比两降”竞赛节能降耗经验交流（示例）');
  const shown = await list.innerText();
  expect(shown.indexOf('2099-01-01')).toBeLessThan(shown.indexOf('2024-10-15'));
  expect(shown.indexOf('2024-10-15')).toBeLessThan(shown.indexOf('2023-03-15'));

  // A new item: the first save says it is a draft and how to publish it.
  await page.goto('/admin/#/collections/news/new');
  await page.getByRole('textbox', { name: '标题' }).fill('试一试的新闻');
  await page.locator('input[type=date]').fill('2024-05-06');
  await page.getByRole('spinbutton', { name: '竞赛年度' }).fill('2024');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  const notice = page.getByRole('status').filter({ hasText: '已保存为草稿' });
  await expect(notice).toContainText('关掉“草稿”开关');
  const created = async () => Object.keys(await readRepo(page)).filter((f) => f.startsWith('content/news/2024-05-06-'));
  await expect.poll(created).toHaveLength(1);
  expect(text(await readRepo(page), (await created())[0]!)).toContain('\ndraft: true\n');
  await page.goto('/admin/#/collections/news');
  await expect(page.getByText('草稿 · 2024-05-06 · 试一试的新闻')).toBeVisible();

  // A published item links to its page on this site.
  await page.goto('/admin/#/collections/news/entries/2024-10-15-news-12');
  await page.getByRole('textbox', { name: '摘要' }).fill('交流会摘要（示例）。');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  const published = page.getByRole('status').filter({ hasText: '已保存，将会发布' });
  await expect(published.getByRole('link')).toHaveAttribute('href', '/news/2024-10-15-news-12/');

  // Back to the demo's own content (the page reloads and writes it again): the new item is gone.
  await page.goto('/admin/');
  await page.getByRole('button', { name: '恢复示例内容' }).click();
  await expect(page.getByRole('group', { name: '内容库' })).toBeVisible({ timeout: 30_000 });
  await expect.poll(created).toHaveLength(0);
  expect(text(await readRepo(page), 'content/news/2024-10-15-news-12.md')).not.toContain('交流会摘要');
});

test('a whole-number cell keeps “四家”, “１０” or “4.5” and says the build’s rule; “1,234” is read as 1234', async ({ page }) => {
  test.setTimeout(120_000);
  page.setDefaultTimeout(15_000);
  await signIn(page);
  await page.goto('/admin/#/collections/zones/entries/zones');
  const rows = page.getByRole('group').filter({ has: page.getByRole('button', { name: '重新排序项目' }), hasNot: page.getByRole('button', { name: '全部展开' }) });
  const expand = rows.filter({ hasText: '2024 交通 jiaotong' }).getByRole('button', { name: '展开' });
  const body = await expand.getAttribute('aria-controls');
  await expand.click();
  const quota = page.locator(`[id="${body}"]`).getByRole('textbox', { name: '参赛名额' });
  for (const [typed, message] of [
    ['四家', '应为数字，实际填写的是“四家”。改法：只填阿拉伯数字'],
    ['１０', '应为数字，实际填写的是“１０”'],
    ['4.5', '应为整数，实际填写的是“4.5”。改法：只填整数'],
  ] as const) {
    await quota.fill(typed);
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect(page.getByText(message)).toBeVisible();
    await expect(quota).toHaveValue(typed);
  }
  await quota.fill('1,234');
  await expect(page.getByText('按 1234 读取')).toBeVisible();
});
