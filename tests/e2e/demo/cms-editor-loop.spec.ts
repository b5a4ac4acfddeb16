import { expect as baseExpect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import { readRepo } from '../support/cms-repo.ts';
import { xlsx } from '../support/xlsx.ts';
import { change } from '../support/cms-form.ts';
import { lineOf, openTable, tableCell as cell } from '../support/cms-table.ts';

/**
 * The demo's /admin/ as a first-time visitor finds it, with nothing put into the browser by the
 * test: its test repository starts with the demo's content, the page says where changes go and
 * how to start again; the lists say each entry's status; a first save says it is a draft; a
 * number cell keeps what was typed and says what the build would say.
 */
test.use({ viewport: { width: 1280, height: 1600 } });
// The CMS loads the whole demo repository first: on a busy machine that takes more than 5 s.
const expect = baseExpect.configure({ timeout: 20_000 });

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
  // A year is written as a year, not as a number with a thousands separator.
  await page.goto('/admin/#/collections/notices');
  await expect(page.getByRole('grid').or(page.getByRole('list')).first()).toContainText('2024 年度 · ');
  await expect(page.getByText('2,024')).toHaveCount(0);
  await page.goto('/admin/#/collections/news');
  // The news list again, once drawn (right after the notices' list, it may still be that one).
  await expect(list).toContainText('2023-03-15');
  const shown = await list.innerText();
  expect(shown.indexOf('2099-01-01')).toBeGreaterThanOrEqual(0);
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
  await change(page, page.getByRole('textbox', { name: '摘要' }), '交流会摘要（示例）。');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  const published = page.getByRole('status').filter({ hasText: '已保存，将会发布' });
  await expect(published.getByRole('link')).toHaveAttribute('href', '/news/2024-10-15-news-12/');
  // Sveltia goes back to the list after a save: a navigation started before that is cut short.
  await expect(page.getByRole('group', { name: '内容编辑器' })).toBeHidden();

  // Back to the demo's own content (the page reloads and writes it again): the new item is gone.
  await page.goto('/admin/');
  await page.getByRole('button', { name: '恢复示例内容' }).click();
  await expect(page.getByRole('group', { name: '内容库' })).toBeVisible({ timeout: 30_000 });
  const demoItem = fs.readFileSync('examples/demo/content/news/2024-10-15-news-12.md', 'utf8');
  // Read while the page writes the repository again: a half-written one is read again.
  const state = async () => {
    const files = await readRepo(page).catch(() => undefined);
    return files && [Object.keys(files).filter((f) => f.startsWith('content/news/2024-05-06-')).length, text(files, 'content/news/2024-10-15-news-12.md') === demoItem];
  };
  await expect.poll(state).toEqual([0, true]);
});

test('a table is edited as a table: a whole-number cell keeps “四家”, “１０” or “4.5” and gives the build’s message', async ({ page }) => {
  test.setTimeout(120_000);
  page.setDefaultTimeout(15_000);
  await signIn(page);
  await openTable(page, 'zones');
  const line = lineOf('zones.csv', '2024,jiaotong,');
  const quota = cell(page, line, '参赛名额');
  const problems = page.getByRole('alert').filter({ hasText: '网站生成时会停下（保存不了）' });
  for (const [typed, message] of [
    ['四家', `第 ${line} 行，“quota（参赛名额）”：应为数字，实际填写的是“四家”。改法：只填阿拉伯数字`],
    ['１０', `第 ${line} 行，“quota（参赛名额）”：应为数字，实际填写的是“１０”`],
    ['4.5', `第 ${line} 行，“quota（参赛名额）”：应为整数，实际填写的是“4.5”。改法：只填整数`],
  ] as const) {
    await quota.fill(typed);
    await expect(problems).toContainText(message);
    await expect(quota).toHaveAttribute('aria-invalid', 'true');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect(page.getByText(/这张表有 1 处问题/).first()).toBeVisible();
    // Sveltia's own message about it, in Chinese too (its zh-CN lacks it: sveltia-zh-CN.json).
    await expect(page.getByRole('button', { name: '查看错误' })).toBeVisible();
    await expect(quota).toHaveValue(typed);
  }
  // Excel's thousands separator is read as the loader reads it.
  await quota.fill('1,234');
  await expect(problems).toHaveCount(0);
  await expect(quota).not.toHaveAttribute('aria-invalid');
});

test('80 rows and more: find, sort, delete only after a yes, and take an Excel file after seeing its changes', async ({ page }) => {
  test.setTimeout(120_000);
  page.setDefaultTimeout(15_000);
  await signIn(page);
  await openTable(page, 'enterprises');
  const table = page.getByRole('table').first();
  const csv = fs.readFileSync('examples/demo/data/enterprises.csv', 'utf8');
  const count = csv.trimEnd().split('\n').length - 1;
  await expect(page.getByText(`共 ${count} 行`)).toBeVisible();

  // Find by name.
  await page.getByRole('searchbox', { name: /查找/ }).fill('金河');
  await expect(page.getByText(`找到 1 行，共 ${count} 行`)).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(2);
  await page.getByRole('searchbox', { name: /查找/ }).fill('');

  // Sort by name: the header says so and the rows follow.
  await table.getByRole('button', { name: /^企业名称/ }).click();
  await expect(table.getByRole('columnheader', { name: /企业名称/ })).toHaveAttribute('aria-sort', 'ascending');
  const names = await table.getByRole('textbox', { name: /企业名称$/ }).evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  expect(names).toEqual([...names].sort(new Intl.Collator('zh-CN', { numeric: true }).compare));

  // Deleting asks first: “no” keeps the row, “yes” takes it out (until saved).
  const line = lineOf('enterprises.csv', 'jinhe-shuini,');
  const remove = page.getByRole('button', { name: `删除第 ${line} 行“金河水泥有限公司”` });
  page.once('dialog', (d) => void d.dismiss());
  await remove.click();
  await expect(remove).toBeVisible();
  page.once('dialog', (d) => {
    expect(d.message()).toContain(`删除第 ${line} 行“金河水泥有限公司”？`);
    void d.accept();
  });
  await remove.click();
  await expect(remove).toHaveCount(0);
  await expect(page.getByText(`共 ${count - 1} 行`)).toBeVisible();
  await page.reload();
  await expect(page.getByText(`共 ${count} 行`)).toBeVisible();

  // An .xlsx kept in Excel: a bad cell is refused with the build's message, nothing taken.
  const rows = csv.trimEnd().split('\n').map((l) => l.split(','));
  const upload = page.getByLabel(/从 Excel\/WPS 导入/);
  const bad = rows.map((r, i) => (i === 2 ? ['Bad ID', ...r.slice(1)] : r));
  await upload.setInputFiles({ name: '企业名单.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsx(bad) });
  const review = page.getByRole('region', { name: '导入的文件' });
  await expect(review).toContainText('这个文件有 1 处问题');
  await expect(review).toContainText('第 3 行，“id（企业编号）”：');
  await expect(review.getByRole('button', { name: '采用这些改动' })).toHaveCount(0);
  await review.getByRole('button', { name: '放弃' }).click();

  // A good one: its changed cells and new rows are shown, then taken and saved as the repository's CSV.
  const good = [...rows.map((r, i) => (i === 1 ? [r[0]!, `${r[1]}（改）`, ...r.slice(2)] : r)), ['xinqu-reli', '新区热力有限公司', 'city', '']];
  await upload.setInputFiles({ name: '企业名单.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsx(good) });
  await expect(review).toContainText('改动 1 处，新增 1 行，删去 0 行');
  await expect(review.getByRole('row', { name: new RegExp(`^2 企业名称 ${rows[1]![1]} ${rows[1]![1]}（改）$`) })).toBeVisible();
  await review.getByRole('button', { name: '采用这些改动' }).click();
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect.poll(async () => text(await readRepo(page), 'data/enterprises.csv')).toBe(`${good.map((r) => r.join(',')).join('\n')}\n`);
});

test('after a save /admin/ tells whether the site was rebuilt with it, is building, or failed and why (a simulated GitHub)', async ({ page }) => {
  test.setTimeout(120_000);
  page.setDefaultTimeout(15_000);
  // The git host as GitHub's API answers: the branch's head, its workflow runs, the failed job's annotations.
  const host = { head: 'c1', run: { status: 'in_progress', conclusion: null as string | null }, live: 'c0' };
  const api = '/simulated-github';
  await page.route('**/admin/config.json', async (route) => {
    const config = await (await route.fetch()).json();
    await route.fulfill({ json: { ...config, portal_live: { kind: 'github', api: new URL(api, page.url()).href, repo: 'jzzgh/portal', branch: 'main', every: 250 } } });
  });
  await page.route('**/build.json*', (route) => route.fulfill({ json: { commit: host.live } }));
  await page.route(`**${api}/**`, (route) => {
    const url = new URL(route.request().url());
    const origin = url.origin;
    if (url.pathname.endsWith('/commits/main')) return route.fulfill({ json: { sha: host.head } });
    if (url.pathname.endsWith('/actions/runs')) {
      expect(url.searchParams.get('head_sha')).toBe(host.head);
      return route.fulfill({ json: { workflow_runs: [{ ...host.run, html_url: `https://github.com/jzzgh/portal/actions/runs/1`, jobs_url: `${origin}${api}/runs/1/jobs` }] } });
    }
    if (url.pathname.endsWith('/runs/1/jobs')) return route.fulfill({ json: { jobs: [{ conclusion: 'failure', check_run_url: `${origin}${api}/check-runs/7` }] } });
    if (url.pathname.endsWith('/check-runs/7/annotations')) {
      return route.fulfill({ json: [{ path: 'data/zones.csv', start_line: 5, annotation_level: 'failure', message: 'E 列“quota（参赛名额）”：2024 年东城区上报参赛企业 4 家，超过名额 3 家' }] });
    }
    return route.fulfill({ status: 404, json: {} });
  });
  await signIn(page);
  const status = page.getByRole('status').filter({ hasText: '网站' }).last();

  await page.goto('/admin/#/collections/news/entries/2024-10-15-news-12');
  await change(page, page.getByRole('textbox', { name: '摘要' }), '交流会摘要（示例）。');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: '网站正在重新生成' })).toBeVisible();
  host.run = { status: 'completed', conclusion: 'failure' };
  const failed = page.getByRole('status').filter({ hasText: '网站生成失败' });
  await expect(failed).toContainText('data/zones.csv 第 5 行：E 列“quota（参赛名额）”：2024 年东城区上报参赛企业 4 家，超过名额 3 家');
  await expect(failed.getByRole('link', { name: '打开' })).toHaveAttribute('href', 'https://github.com/jzzgh/portal/actions/runs/1');

  // Fixed and saved again: built, then live, with the page's address.
  host.head = 'c2';
  host.run = { status: 'completed', conclusion: 'success' };
  await page.goto('/admin/#/collections/news/entries/2024-10-15-news-12');
  await page.getByRole('textbox', { name: '摘要' }).fill('交流会摘要，改过（示例）。');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: '网站已生成，正在发布' })).toBeVisible();
  host.live = 'c2';
  await expect(status).toContainText('网站已更新');
  await expect(page.getByRole('status').filter({ hasText: '网站已更新' }).getByRole('link')).toHaveAttribute('href', '/news/2024-10-15-news-12/');
});

test('the preview shows the page as readers see it, with what the build would remove removed', async ({ page }) => {
  test.setTimeout(120_000);
  page.setDefaultTimeout(15_000);
  await signIn(page);
  // A story: its title, date and summary as the article page draws them, its components named.
  await page.goto('/admin/#/collections/stories/entries/2023-qinglan-dianjie');
  const preview = page.locator('iframe').first().contentFrame();
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText('一台槽一台槽抠出来的节电账（示例）');
  await expect(preview.locator('time')).toHaveText('2023年9月12日');
  await expect(preview.locator('.story-body')).toContainText('［EnterpriseEnergyChart enterprise=qinglan-lvye：网站上在这里显示图表或表格］');
  // The site's own style sheet: the body's measure and font size are the page's.
  // Waited for: on a busy machine the style sheet may arrive after the text.
  const fontSize = (selector: string) => preview.locator(selector).evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  await expect.poll(async () => (await fontSize('.story-body')) / (await fontSize('body'))).toBeCloseTo(1.1, 3);

  // A notice's Markdown body with HTML the build would cut: no script, no handler in the preview.
  const notice = fs.readdirSync('examples/demo/content/notices')[0]!.replace(/\.md$/, '');
  await page.goto(`/admin/#/collections/notices/entries/${notice}`);
  await change(page, page.getByRole('textbox', { name: '正文' }), '**加粗**的正文。<img src="x.png" onerror="window.hacked=1"><script>window.hacked=2</script>');
  // The preview follows the typing: wait for the new body before reading its parts.
  await expect(preview.locator('.story-body')).toContainText('加粗的正文。');
  await expect(preview.locator('.story-body strong')).toHaveText('加粗');
  await expect(preview.locator('.story-body script')).toHaveCount(0);
  await expect(preview.locator('.story-body img')).toHaveCount(1);
  expect(await preview.locator('.story-body img').getAttribute('onerror')).toBeNull();
  expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
});
