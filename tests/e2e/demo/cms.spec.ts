import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { contentRootFiles, imageSize, phonePhoto, readRepo, seedRepo, writeRoot, type RepoFiles } from '../support/cms-repo.ts';
import { lineOf, openTable, tableCell as cell } from '../support/cms-table.ts';

/**
 * The CMS at /admin/ of the demo build, whose backend is the browser's own storage (test-repo):
 * filled with the demo's content root, edited through the UI as an editor would, read back, and
 * then checked by the project's own validation and build. One test, in order, so the edited root
 * is built once.
 */
const NEWS_TITLE = '全市节能减排劳动竞赛推进会召开';
const NEWS_FILE = 'content/news/2024-05-06-quanshi-jieneng-jianpai-laodong.md';

// Sveltia draws the fields of a long form as they come into view: a tall window shows a whole row.
test.use({ viewport: { width: 1280, height: 2400 } });

const text = (files: RepoFiles, file: string) => Buffer.from(files[file] ?? '', 'base64').toString('utf8');

async function openCms(page: Page) {
  // The storage belongs to the site's origin: fill it from any of its pages before the CMS starts.
  await page.goto('/404.html');
  await seedRepo(page, contentRootFiles('examples/demo'));
  await page.goto('/admin/');
  await page.getByRole('button', { name: '使用测试仓库' }).click();
  await expect(page.getByRole('group', { name: '内容库' })).toBeVisible();
}

async function save(page: Page) {
  await page.getByRole('button', { name: '保存', exact: true }).click();
}

/** Saves, and waits for the editor to close (Sveltia then shows the collection). */
async function saved(page: Page) {
  await save(page);
  await expect(page.getByText('已保存').first()).toBeVisible();
  await expect(page.getByRole('group', { name: '内容编辑器' })).toBeHidden();
}

function validate(root: string) {
  const run = spawnSync(process.execPath, ['tools/validate.ts', root], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

test('an editor edits the demo through /admin/; the result validates, builds and shows the news', async ({ page }) => {
  test.setTimeout(240_000);
  page.setDefaultTimeout(10_000);
  await openCms(page);
  const before = await readRepo(page);

  // A news item with a Chinese title: its file is named in pinyin; it is published (draft off).
  await page.goto('/admin/#/collections/news/new');
  await page.getByRole('textbox', { name: '标题' }).fill(NEWS_TITLE);
  await page.locator('input[type=date]').fill('2024-05-06');
  await page.getByRole('spinbutton', { name: '竞赛年度' }).fill('2024');
  await page.getByRole('textbox', { name: '摘要' }).fill('推进会部署下一阶段工作。');
  await page.locator('[contenteditable=true]').first().click();
  await page.keyboard.type('各参赛企业交流了节能降耗的做法。');
  await saved(page);
  // A new item is saved as a draft; publishing it is a second save, with 草稿 switched off.
  expect(text(await readRepo(page), NEWS_FILE)).toContain('\ndraft: true\n');
  await page.goto(`/admin/#/collections/news/entries/${path.basename(NEWS_FILE, '.md')}`);
  await page.getByRole('switch', { name: '草稿' }).click();
  await saved(page);

  // A value the schema refuses cannot be saved: a news item without a title…
  await page.goto('/admin/#/collections/news/new');
  await page.getByRole('spinbutton', { name: '竞赛年度' }).fill('2024');
  await save(page);
  await expect(page.getByText('此字段为必填项').first()).toBeVisible();

  // A zone's quota: one place moves from 交通 to 北湖区 in 2024 (the total stays the notice's).
  await openTable(page, 'zones');
  await cell(page, lineOf('zones.csv', '2024,jiaotong,'), '参赛名额').fill('1');
  await cell(page, lineOf('zones.csv', '2024,beihu,'), '参赛名额').fill('2');
  await saved(page);

  // Enterprises: a bad id is refused; then one in a zone and one in 市直 (not a row of zones.csv).
  await openTable(page, 'enterprises');
  // A new row is added at the end, in view, with the file's next line number.
  const next = text(before, 'data/enterprises.csv').trimEnd().split('\n').length + 1;
  const add = async (line: number, id: string, name: string, zone: string) => {
    await page.getByRole('button', { name: '添加一行' }).click();
    await expect(cell(page, line, '企业编号')).toBeFocused();
    await expect(cell(page, line, '企业编号')).toBeInViewport();
    await cell(page, line, '企业编号').fill(id);
    await cell(page, line, '企业名称').fill(name);
    await cell(page, line, '所属赛区').selectOption(zone);
  };
  await add(next, 'Bad ID', '坏编号企业有限公司', 'dongcheng');
  await save(page);
  await expect(page.getByText(/编号只能用小写英文字母/).first()).toBeVisible();
  expect(text(await readRepo(page), 'data/enterprises.csv')).toBe(text(before, 'data/enterprises.csv'));
  await cell(page, next, '企业编号').fill('beihu-xinneng');
  await cell(page, next, '企业名称').fill('北湖新能源有限公司');
  await cell(page, next, '所属赛区').selectOption('beihu');
  await add(next + 1, 'shizhi-reli', '示例市热力有限公司', 'city');
  await saved(page);

  // A story's summary: its MDX body (components and all) is kept byte for byte.
  await page.goto('/admin/#/collections/stories/entries/2023-qinglan-dianjie');
  await page.getByRole('textbox', { name: '摘要' }).fill('青岚铝业电解槽节能改造（示例）。');
  await saved(page);

  // A worker's photo as a phone takes it (3000×4000, several MB, a Chinese file name): shrunk in the
  // browser to what the page needs, named in pinyin, and the alt text asked for again.
  await page.goto('/admin/#/collections/workers/entries/zhao-haifeng');
  const photo = page.getByRole('group', { name: /照片⁩」字段/ });
  await expect(photo).toContainText('./photos/zhao-haifeng.png');
  const original = await phonePhoto(page);
  expect(original.length).toBeGreaterThan(2_000_000);
  await photo.getByLabel(/选择照片文件/).setInputFiles({ name: '赵海峰工作照.jpg', mimeType: 'image/jpeg', buffer: original });
  await expect(photo.getByRole('status')).toContainText('已缩小为 972×1296 像素的 WebP 图片');
  await save(page);
  await expect(page.getByText('换了新照片：请在“照片说明”里重新写一句').first()).toBeVisible();
  await page.getByRole('textbox', { name: '照片说明' }).fill('赵海峰在检修现场（示例）');
  await saved(page);

  // Read the repository back: only what was edited changed, CSV cell by cell.
  const after = await readRepo(page);
  expect(text(after, NEWS_FILE)).toMatch(new RegExp(`^---\\ntitle: ${NEWS_TITLE}\\ndate: 2024-05-06\\nyear: 2024\\nsummary: 推进会部署下一阶段工作。\\n`));
  expect(text(after, NEWS_FILE)).not.toContain('file_name');
  const zones = (files: RepoFiles) => text(files, 'data/zones.csv').split('\n');
  expect(zones(after).filter((line, i) => line !== zones(before)[i])).toEqual(['2024,jiaotong,交通,industry,1', '2024,beihu,北湖区,county,2']);
  expect(text(after, 'data/enterprises.csv')).toBe(`${text(before, 'data/enterprises.csv')}beihu-xinneng,北湖新能源有限公司,beihu,\nshizhi-reli,示例市热力有限公司,city,\n`);
  expect(text(after, 'content/workers/zhao-haifeng.md')).toContain('photo: ./photos/zhao-haifeng.webp');
  expect(text(after, 'content/workers/zhao-haifeng.md')).toContain('photoAlt: 赵海峰在检修现场（示例）');
  expect(await imageSize(page, after['content/workers/photos/zhao-haifeng.webp']!)).toEqual({ width: 972, height: 1296, type: 'image/webp' });
  expect(Buffer.from(after['content/workers/photos/zhao-haifeng.webp']!, 'base64').length).toBeLessThan(original.length / 4);
  const body = (source: string) => source.slice(source.indexOf('\n---\n') + 5);
  const story = 'content/stories/2023-qinglan-dianjie.mdx';
  expect(text(before, story)).toContain('<EnterpriseEnergyChart enterprise="qinglan-lvye" />');
  expect(body(text(after, story))).toBe(body(text(before, story)));
  expect(text(after, story)).toContain('\nsummary: 青岚铝业电解槽节能改造（示例）。\n');
  for (const file of Object.keys(before).filter((f) => f.startsWith('content/stories/') && f !== story)) expect(after[file], file).toBe(before[file]);

  // The project's own validation accepts it, the build builds it, and the news has its page.
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-cms-'));
  const out = `${root}-dist`;
  try {
    writeRoot(root, after);
    const check = validate(root);
    expect(check.output).toContain('内容检查通过');
    expect(check.status).toBe(0);
    const build = spawnSync(process.execPath, ['tools/build.ts', out], {
      encoding: 'utf8',
      env: { ...process.env, PORTAL_CONTENT: root, PORTAL_DEMO: '1', FORCE_COLOR: '0' },
    });
    expect(build.status, build.stdout + build.stderr).toBe(0);
    const newsPage = fs.readFileSync(path.join(out, 'news/2024-05-06-quanshi-jieneng-jianpai-laodong/index.html'), 'utf8');
    expect(newsPage).toContain(NEWS_TITLE);
    expect(newsPage).toContain('各参赛企业交流了节能降耗的做法。');

    // The rules across files are checked before a save too: 东城区 has 4 enterprises in 2024, so a
    // quota of 3 is refused in the build's words, and the repository keeps what it had.
    await openTable(page, 'zones');
    await cell(page, lineOf('zones.csv', '2024,dongcheng,'), '参赛名额').fill('3');
    await save(page);
    await expect(page.getByRole('status').filter({ hasText: '网站会因此无法生成' })).toContainText('data/zones.csv，第 5 行，E 列“quota（参赛名额）”：2024 年东城区上报参赛企业 4 家，超过名额 3 家');
    expect(text(await readRepo(page), 'data/zones.csv')).toBe(text(after, 'data/zones.csv'));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(out, { recursive: true, force: true });
  }
});

test('/admin/ asks nothing of another site, speaks Chinese on an English browser, and is never indexed', async ({ browser, baseURL }) => {
  test.setTimeout(60_000);
  const origin = new URL(baseURL!).origin;
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  // Every other origin is unreachable, as a CDN may be from mainland China.
  const foreign: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    foreign.push(url);
    return route.abort();
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  let bytes = 0;
  let requests = 0;
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
    requests++;
  });

  // What the console says: a script or style the page's policy refused would be reported there.
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  const cms: string[] = [];
  page.on('response', (r) => r.ok() && new URL(r.url()).pathname.startsWith('/_astro/cms/') && cms.push(new URL(r.url()).pathname));

  const started = Date.now();
  await page.goto('/admin/');
  await page.getByRole('button', { name: '使用测试仓库' }).click(); // in Chinese, on an en-US browser
  await page.goto('/admin/#/collections/news/new');
  await expect(page.getByRole('textbox', { name: '标题' })).toBeEditable();
  const editable = Date.now() - started;
  // Then what the page goes on to load: the preview drawn in the site's style sheet, the fonts.
  // (Not Playwright's networkidle: the preview's blob: frame sometimes never reports it.)
  const preview = page.locator('iframe').first().contentFrame();
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText('（还没有标题）');
  await expect.poll(() => preview.locator('body').evaluate(() => [...document.styleSheets].some((s) => s.href?.includes('/_astro/global.')))).toBe(true);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));

  expect(foreign).toEqual([]);
  expect(problems).toEqual([]);
  // The CMS is the bundle prebuilt once (src/astro/integrations/sveltia-prebuilt.ts), with its fonts.
  expect(cms.filter((p) => /^\/_astro\/cms\/sveltia-[A-Z0-9]+\.js$/.test(p))).toHaveLength(1);
  expect(cms.filter((p) => p.endsWith('.woff2')).length).toBeGreaterThan(0);
  // The icon font is the package's own, so icons are drawn, not spelt out.
  const loaded = () => [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, ''));
  expect(await page.evaluate(loaded)).toContain('Material Symbols Outlined');
  await expect(page.getByText(/translation|翻译/)).toHaveCount(0);
  // As served (the running CMS rewrites <head>): noindex, and a policy of its own, as strict as it
  // allows: inline styles, blob:/data: images and connections (the test repository has no host).
  const html = await page.request.get('/admin/').then((r) => r.text());
  expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
  const policy: Record<string, string[]> = Object.fromEntries(
    /http-equiv="content-security-policy" content="([^"]*)"/.exec(html)![1]!.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...sources]) => [name, sources]),
  );
  expect(policy['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
  expect(policy['img-src']).toEqual(["'self'", 'data:', 'blob:']);
  expect(policy['connect-src']).toEqual(["'self'", 'data:', 'blob:']);
  expect(policy['script-src']!.filter((s) => !/^'sha256-/.test(s))).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  expect(policy['default-src']).toEqual(["'self'"]);
  expect(policy['frame-src']).toEqual(["'self'", 'blob:']);
  console.log(`/admin/ first load: ${requests} requests, ${(bytes / 1024).toFixed(0)} KB transferred (gzip), editable form after ${editable} ms`);
  await context.close();
});
