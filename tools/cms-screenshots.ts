// EDITING.md's pictures of the CMS (docs/editing/*.png), taken from the demo build's /admin/ as a
// new editor goes through it (section 九): signing in, the lists with their status, a new news item
// and its first save as a draft, the preview, a table found, sorted and refused, an Excel file
// taken, a worker's photo, and a table and a list on a 390 × 844 phone. The demo's test repository
// is the browser's own storage, so nothing is saved anywhere. Run by `npm run screenshots -- --cms`
// (after npm run build:demo); the pictures are fictional (示例) content only.
import { expect, type Browser, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { phonePhoto } from '../tests/e2e/support/cms-repo.ts';
import { xlsx } from '../tests/e2e/support/xlsx.ts';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

async function signIn(page: Page, origin: string) {
  await page.goto(`${origin}/admin/`);
  await page.getByRole('button', { name: '使用测试仓库' }).waitFor();
}

async function enter(page: Page) {
  await page.getByRole('button', { name: '使用测试仓库' }).click();
  await expect(page.getByRole('group', { name: '内容库' })).toBeVisible({ timeout: 30_000 });
}

/** The notice boxes of ours (the demo's, a save's) closed, so a picture shows the page under them. */
async function closeNotices(page: Page) {
  for (const close of await page.getByRole('button', { name: '关闭提示' }).all()) await close.click().catch(() => {});
}

async function table(page: Page, origin: string, name: string) {
  await page.goto(`${origin}/admin/#/collections/${name}/entries/${name}`);
  await expect(page.getByRole('button', { name: '添加一行' })).toBeVisible();
}

/** Takes docs/editing's pictures into `out`; returns their file names. */
export async function cmsScreenshots(browser: Browser, origin: string, out: string): Promise<string[]> {
  fs.mkdirSync(out, { recursive: true });
  const taken: string[] = [];
  const shot = async (page: Page, name: string) => {
    // Sveltia fades its views in and out (Web Animations): the picture waits for them to end.
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    await page.screenshot({ path: path.join(out, `${name}.png`) });
    taken.push(`${name}.png`);
  };

  const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await signIn(page, origin);
  await shot(page, 'login');
  await enter(page);
  await closeNotices(page);
  await page.goto(`${origin}/admin/#/collections/notices`);
  await expect(page.getByText(/2024 年度 · /).first()).toBeVisible();
  await shot(page, 'collections');
  await page.goto(`${origin}/admin/#/collections/news`);
  await expect(page.getByText(/定时发布（/).first()).toBeVisible();
  await shot(page, 'news-list');

  // A new news item, filled in, its preview beside it; then its first save, as a draft.
  await page.goto(`${origin}/admin/#/collections/news/new`);
  await page.getByRole('textbox', { name: '标题' }).fill('全市节能减排劳动竞赛推进会召开（示例）');
  await page.locator('input[type=date]').first().fill('2024-05-06');
  await page.getByRole('spinbutton', { name: '竞赛年度' }).fill('2024');
  await page.getByRole('textbox', { name: '摘要' }).fill('推进会总结上半年竞赛进展，部署下半年工作。本文为虚构示例。');
  await page.locator('iframe').first().contentFrame().getByRole('heading', { level: 1, name: /推进会/ }).waitFor();
  await shot(page, 'news-new');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: '已保存为草稿' })).toBeVisible();
  await shot(page, 'news-draft');
  await closeNotices(page);

  // A story's preview: the page as readers see it, a chart or table as a named box.
  await page.goto(`${origin}/admin/#/collections/stories/entries/2023-qinglan-dianjie`);
  await expect(page.locator('iframe').first().contentFrame().locator('.story-body')).toContainText('网站上在这里显示图表或表格');
  await shot(page, 'preview');

  // Tables: the zones' quotas, then a wrong number refused with the build's words.
  await table(page, origin, 'zones');
  await shot(page, 'zones');
  const quota = page.getByLabel(/^第 \d+ 行 参赛名额$/).first();
  await quota.fill('四家');
  await expect(page.getByRole('alert').filter({ hasText: '网站生成时会停下' })).toBeVisible();
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText(/这张表有 1 处问题/).first()).toBeVisible();
  await shot(page, 'refused');

  // The enterprises: found by name, sorted; an Excel file's changes shown before they are taken.
  await page.goto(`${origin}/admin/`);
  await table(page, origin, 'enterprises');
  await page.getByRole('searchbox', { name: /查找/ }).fill('化工');
  await page.getByRole('table').first().getByRole('button', { name: /^企业名称/ }).click();
  await shot(page, 'table-find');
  await page.getByRole('searchbox', { name: /查找/ }).fill('');
  const csv = fs.readFileSync('examples/demo/data/enterprises.csv', 'utf8').trimEnd().split('\n').map((l) => l.split(','));
  const edited = [...csv.map((r, i) => (i === 2 ? [r[0]!, r[1]!, r[2]!, '能源化工（热电）'] : r)), ['xinqu-reli', '新区热力有限公司（示例）', 'city', '能源化工']];
  await page.getByLabel(/从 Excel\/WPS 导入/).setInputFiles({ name: '企业名单.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsx(edited) });
  const review = page.getByRole('region', { name: '导入的文件' });
  await expect(review).toContainText('改动 1 处，新增 1 行');
  await review.scrollIntoViewIfNeeded();
  await shot(page, 'import');

  // A worker's photo as a phone takes it: shrunk, named in pinyin, its description asked for again.
  await page.goto(`${origin}/admin/#/collections/workers/entries/zhao-haifeng`);
  const photo = page.getByRole('group', { name: /照片⁩」字段/ });
  await photo.getByLabel(/选择照片文件/).setInputFiles({ name: '赵海峰工作照.jpg', mimeType: 'image/jpeg', buffer: await phonePhoto(page) });
  await expect(photo.getByRole('status')).toContainText('已缩小为');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('换了新照片：请在“照片说明”里重新写一句').first()).toBeVisible();
  await photo.scrollIntoViewIfNeeded();
  await shot(page, 'photo');
  await context.close();

  // A phone: the news list with its status, and a table that scrolls in its own box.
  const phone = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', isMobile: true, hasTouch: true, deviceScaleFactor: 1 });
  const p = await phone.newPage();
  p.setDefaultTimeout(20_000);
  await signIn(p, origin);
  await enter(p);
  await closeNotices(p);
  await p.goto(`${origin}/admin/#/collections/news`);
  await expect(p.getByText(/定时发布（/).first()).toBeVisible();
  await shot(p, 'phone-news-list');
  await table(p, origin, 'enterprises');
  await p.locator('.portal-table-scroll').evaluate((el) => el.scrollTo({ left: 200 }));
  await shot(p, 'phone-table');
  await phone.close();
  return taken;
}
