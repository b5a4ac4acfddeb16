import { expect as baseExpect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkPortal } from '../../../src/input/check-portal.ts';
import { diskRoot } from '../../../src/input/disk-root.ts';
import { readRepo, writeRoot } from '../support/cms-repo.ts';
import { change } from '../support/cms-form.ts';
import { lineOf, openTable, tableCell as cell } from '../support/cms-table.ts';

/**
 * Every save in the demo's /admin/ is checked by the build's own rules on the repository as it
 * would be after it (src/cms/save-check.ts, run in a worker at the first save): a save that would
 * stop the build is refused with each problem in the build's words, and the repository keeps what
 * it had; a good save goes through, and the repository read back passes the build's checks.
 */
test.use({ viewport: { width: 1280, height: 1600 } });
// The CMS loads the whole demo repository first: on a busy machine that takes more than 5 s.
const expect = baseExpect.configure({ timeout: 30_000 });

const text = (files: Record<string, string>, file: string) => Buffer.from(files[file] ?? '', 'base64').toString('utf8');
const demo = (file: string) => fs.readFileSync(`examples/demo/${file}`, 'utf8');

async function signIn(page: Page) {
  await page.goto('/admin/');
  await page.getByRole('button', { name: '使用测试仓库' }).click();
  await expect(page.getByRole('group', { name: '内容库' })).toBeVisible();
}


/** Saves, expects the refusal: Sveltia's error dialog names it, the list under the editor says what and how. */
async function refusedSave(page: Page): Promise<ReturnType<Page['getByRole']>> {
  await page.getByRole('button', { name: '保存', exact: true }).click();
  const dialog = page.getByRole('alertdialog').filter({ hasText: '未保存：这次修改会带来' });
  await expect(dialog).toContainText('问题和改法列在窗口下方');
  await dialog.getByRole('button', { name: '确定' }).click();
  const list = page.getByRole('status').filter({ hasText: '网站会因此无法生成' });
  await expect(list).toBeVisible();
  return list;
}

/** The repository still holds the demo's file as it was. */
async function unchanged(page: Page, file: string) {
  expect(text(await readRepo(page), file)).toBe(demo(file));
}

test.describe.configure({ timeout: 180_000 });

test('a zone’s quota raised so the total no longer matches, and a quota of 0, are refused', async ({ page }) => {
  await signIn(page);
  await openTable(page, 'zones');
  const line = lineOf('zones.csv', '2024,dongcheng,');
  await change(page, cell(page, line, '参赛名额'), '5');
  const list = await refusedSave(page);
  await expect(list).toContainText(`data/campaigns.csv，第 ${lineOf('campaigns.csv', '2024,')} 行，C 列“planned_enterprises（`);
  await expect(list).toContainText('合计 15 家，与确定的 14 家不符（改法：请核对赛区名额和市直企业名单）');
  await unchanged(page, 'data/zones.csv');

  await change(page, cell(page, line, '参赛名额'), '0');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: `第 ${line} 行，E 列“quota（参赛名额）”` }).first()).toContainText('超过名额 0 家');
  await unchanged(page, 'data/zones.csv');
});

test('a duplicate enterprise id is refused', async ({ page }) => {
  await signIn(page);
  await openTable(page, 'enterprises');
  const line = lineOf('enterprises.csv', 'hongyuan-huagong,');
  await change(page, cell(page, line, '企业编号'), 'qinglan-lvye');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: `第 ${line} 行，“id”：与第 ` }).first()).toContainText('重复：id=qinglan-lvye');
  await unchanged(page, 'data/enterprises.csv');
});

test('deleting an enterprise that other tables name is refused, naming what names it', async ({ page }) => {
  await signIn(page);
  await openTable(page, 'enterprises');
  const line = lineOf('enterprises.csv', 'qinglan-lvye,');
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: `删除第 ${line} 行“青岚铝业有限公司”` }).click();
  const list = await refusedSave(page);
  for (const table of ['participation.csv', 'teams.csv', 'awards.csv']) {
    await expect(list).toContainText(new RegExp(`data/${table.replace('.', '\\.')}，第 \\d+ 行，.{0,120}?“qinglan-lvye”`));
  }
  await unchanged(page, 'data/enterprises.csv');
});

test('a story with “<” or “{约}”, a mobile number in a news body, a news item of a year without campaign: each refused beside its field', async ({ page }) => {
  await signIn(page);
  const story = 'content/stories/2023-qinglan-dianjie.mdx';
  await page.goto('/admin/#/collections/stories/entries/2023-qinglan-dianjie');
  const body = page.getByRole('textbox', { name: '正文' });
  await expect(body).toHaveValue(/示例/);
  const original = await body.inputValue();
  for (const [added, words] of [
    ['\n\n节电{约}两成。\n', '英文花括号 { }'],
    ['\n\n电耗<1万千瓦时。\n', '英文小于号 <'],
  ] as const) {
    await change(page, body, `${original}${added}`);
    const list = await refusedSave(page);
    await expect(list).toContainText(`${story}，第 `);
    await expect(list).toContainText(words);
    await expect(page.locator('[data-key-path="body"] .portal-save-problem').first()).toContainText(words);
    await unchanged(page, story);
  }

  const news = 'content/news/2024-10-15-news-12.md';
  await page.goto('/admin/#/collections/news/entries/2024-10-15-news-12');
  // The body's rich-text editor takes typing, as an editor types.
  await page.getByRole('textbox', { name: '正文' }).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('联系人手机 13912345678。');
  let list = await refusedSave(page);
  await expect(list).toContainText(`${news}，第 `);
  await expect(list).toContainText('写有手机号码“139****5678”');
  // Beside the field it concerns.
  await expect(page.locator('[data-key-path="body"] .portal-save-problem')).toContainText('写有手机号码“139****5678”');
  await unchanged(page, news);

  // Another news item, whose form has not been touched.
  const other = 'content/news/2024-09-03-news-11.md';
  await page.goto('/admin/#/collections/news/entries/2024-09-03-news-11');
  await change(page, page.getByRole('spinbutton', { name: '竞赛年度' }), '2022');
  list = await refusedSave(page);
  await expect(list).toContainText(`${other}，第 `);
  await expect(list).toContainText('年度 2022 没有对应的竞赛');
  await expect(page.locator('[data-key-path="year"] .portal-save-problem')).toContainText('年度 2022 没有对应的竞赛');
  await unchanged(page, other);
});

test('a good save goes through, and the repository read back passes the build’s checks', async ({ page }) => {
  await signIn(page);
  await openTable(page, 'zones');
  // A zone renamed: nothing else names a zone by its name.
  const line = lineOf('zones.csv', '2024,beihu,');
  await change(page, cell(page, line, '赛区名称'), '北湖新区');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  // Read while the CMS writes: a file moved mid-read is read again.
  const repoFile = async (file: string) => text((await readRepo(page).catch(() => ({}))) as Record<string, string>, file);
  await expect.poll(() => repoFile('data/zones.csv')).toContain('2024,beihu,北湖新区,county,');
  await expect(page.getByRole('status').filter({ hasText: '网站会因此无法生成' })).toHaveCount(0);

  // A news item's summary and a new item: Markdown files as Sveltia writes them pass too.
  await page.goto('/admin/#/collections/news/entries/2024-10-15-news-12');
  await change(page, page.getByRole('textbox', { name: '摘要' }), '交流会摘要，改过（示例）。');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect.poll(() => repoFile('content/news/2024-10-15-news-12.md')).toContain('summary: 交流会摘要，改过（示例）。');
  await page.goto('/admin/#/collections/news/new');
  await page.getByRole('textbox', { name: '标题' }).fill('保存前检查的新闻');
  await page.locator('input[type=date]').fill('2024-05-06');
  await page.getByRole('spinbutton', { name: '竞赛年度' }).fill('2024');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: '已保存为草稿' })).toBeVisible();

  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-saved-'));
  writeRoot(root, await readRepo(page));
  const { problems } = await checkPortal(diskRoot(root));
  expect(problems).toEqual([]);
});
