import { expect, test, type Page } from '@playwright/test';
import { readSite } from '../../src/search/build/indexer.ts';
import { comparable as fold } from '../../src/search/shared/fold.ts';
import { t2sTable } from '../../src/search/build/t2s.ts';
import { builtPages } from './support/site-pages.ts';

const comparable = (text: string) => fold(text, t2sTable());

// What Ctrl+F would find (with the foldings of src/search/shared/fold.ts): the pages whose searchable text contains the query, read from dist/.
const site = readSite('dist').indexed;
const pagesContaining = (q: string) =>
  site.filter(({ page }) => comparable(`${page.title}\n${page.text}`).includes(comparable(q))).map((p) => p.url);

// A page's filters as BaseLayout writes them and the index receives them: an element whose text is the value.
const hasFilter = (p: (typeof site)[number], name: string, value: string) =>
  p.page.filterTags.includes(`<span data-pagefind-filter="${name}">${value}</span>`);

const enterprise = site.find((p) => p.url.startsWith('/enterprises/') && p.url !== '/enterprises/');
// A worker's page is any page indexed with the type 劳模 (once the model-worker pages exist).
const worker = site.find((p) => hasFilter(p, 'type', '劳模'));

async function search(page: Page, q: string, extra = '') {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`/search/?q=${encodeURIComponent(q)}${extra}`);
  // The count is announced by a role="status" element (the reading-mode switch has a live region of its own).
  const status = page.getByTestId('search-status');
  await expect(status).toHaveAttribute('role', 'status');
  await expect(status).toContainText(/\d+ 个/);
  return { status, errors };
}

async function resultUrls(page: Page): Promise<string[]> {
  return page.locator('.search-result h2 a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

/** Every marked piece of text is the query itself (case aside): the matched characters, exactly. */
async function expectExactMarks(page: Page, q: string) {
  const marks = await page.locator('.search-results mark').allTextContents();
  expect(marks.length).toBeGreaterThan(0);
  // A mark holds the query, or several occurrences of it that touch: nothing around them.
  for (const m of marks) expect(comparable(m).split(comparable(q)).join(''), m).toBe('');
}

for (const q of ['节能', '减排', '焦作']) {
  test(`“${q}” finds every page that contains it, and no other`, async ({ page }) => {
    const expected = pagesContaining(q);
    expect(expected.length).toBeGreaterThan(0);
    const { status, errors } = await search(page, q);
    await expect(status).toContainText(`找到 ${expected.length} 个`);
    const results = page.locator('.search-result');
    await expect(results).toHaveCount(Math.min(10, expected.length));
    for (let shown = 10; shown < expected.length; shown += 10) {
      await page.getByRole('button', { name: '显示更多结果' }).click();
      await expect(results).toHaveCount(Math.min(shown + 10, expected.length));
      await expect(page.locator('.search-result h2 a').nth(shown)).toBeFocused();
    }
    await expect(page.getByRole('button', { name: '显示更多结果' })).toBeHidden();
    expect((await resultUrls(page)).sort()).toEqual([...expected].sort());
    await expectExactMarks(page, q);
    expect(errors).toEqual([]);
  });
}

test('an enterprise name finds its page first, with the name marked in the title', async ({ page }) => {
  expect(enterprise, 'an enterprise page is built').toBeDefined();
  const name = enterprise?.page.title ?? '';
  const { status } = await search(page, name);
  await expect(status).toContainText(`找到 ${pagesContaining(name).length} 个`);
  expect((await resultUrls(page))[0]).toBe(enterprise?.url);
  await expect(page.locator('.search-result').first().locator('h2 mark')).toHaveText(name);
  await expect(page.locator('.search-result').first()).toContainText('企业');
});

test('a worker’s name finds the worker’s page', async ({ page }) => {
  test.skip(!worker, 'pending: this build has no worker (劳模) pages yet');
  const name = worker?.page.title ?? '';
  await search(page, name);
  expect((await resultUrls(page))[0]).toBe(worker?.url);
});

test('two characters that only occur apart (节赛) find nothing', async ({ page }) => {
  expect(pagesContaining('节').length).toBeGreaterThan(0);
  expect(pagesContaining('赛').length).toBeGreaterThan(0);
  expect(pagesContaining('节赛')).toEqual([]);
  const { status, errors } = await search(page, '节赛');
  await expect(status).toContainText('共 0 个');
  await expect(page.locator('.search-result')).toHaveCount(0);
  expect(errors).toEqual([]);
});

// Typed as readers on phones type them: the pages print 蒙牛乳业（焦作）, 80家, jzghscb, 焦工文〔2019〕27号.
for (const [q, printed, note] of [
  ['蒙牛乳业(焦作)', '蒙牛乳业（焦作）', '已不分全角半角'],
  ['８０家', '80家', '已按半角字符查找'],
  ['ｊｚｇｈｓｃｂ', 'jzghscb', '已按半角字符查找'],
  ['焦工文[2019]27号', '焦工文〔2019〕27号', '括号'],
  ['焦工文（2019）27号', '焦工文〔2019〕27号', '已按半角字符查找'],
] as const) {
  test(`“${q}” finds the pages that print ${printed}, marked as printed`, async ({ page }) => {
    const expected = pagesContaining(q);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected).toEqual(pagesContaining(printed));
    const { status, errors } = await search(page, q);
    await expect(status).toContainText(`找到 ${expected.length} 个`);
    await expect(status).toContainText(note);
    expect((await resultUrls(page)).sort()).toEqual([...expected].sort().slice(0, 10));
    await expectExactMarks(page, q);
    const marks = await page.locator('.search-results mark').allTextContents();
    expect(marks.some((m) => m.toLowerCase().includes(printed.toLowerCase()))).toBe(true);
    expect(errors).toEqual([]);
  });
}

test('nothing found: offers the query without filters, and its words one by one', async ({ page }) => {
  const { status } = await search(page, '节能 焦作 节赛');
  await expect(status).toContainText('共 0 个');
  const suggest = page.getByTestId('search-suggest');
  await expect(suggest.getByRole('link', { name: /“节能”/ })).toBeVisible();
  await expect(suggest.getByRole('link', { name: /“节赛”/ })).toHaveCount(0);
  await suggest.getByRole('link', { name: /“焦作”/ }).click();
  await expect(page.getByTestId('search-status')).toContainText(`找到 ${pagesContaining('焦作').length} 个`);

  const filtered = await search(page, '节能', '&year=1999');
  await expect(filtered.status).toContainText('共 0 个');
  await page.getByTestId('search-suggest').getByRole('link', { name: /不限筛选条件/ }).click();
  await expect(page.getByTestId('search-status')).toContainText(`找到 ${pagesContaining('节能').length} 个`);
});

test('mixed Chinese, Latin letters and digits', async ({ page }) => {
  for (const q of ['2019年', 'jzghscb@126']) {
    const { status } = await search(page, q);
    await expect(status).toContainText(`找到 ${pagesContaining(q).length} 个`);
  }
});

test('the type filter keeps only pages of that type', async ({ page }) => {
  const { status } = await search(page, '焦作', '&type=企业');
  const expected = site.filter((p) => hasFilter(p, 'type', '企业')).filter((p) => pagesContaining('焦作').includes(p.url));
  await expect(status).toContainText(`找到 ${expected.length} 个`);
  await expect(page.getByLabel('类型')).toHaveValue('企业');
  for (const meta of await page.locator('.search-result-meta').allTextContents()) expect(meta).toContain('企业');
});

test('the header search box is a plain form that works without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/quota/');
  const box = page.getByRole('search', { name: '全站搜索' });
  await box.getByLabel('搜索本站内容').fill('节能');
  await box.getByRole('button', { name: '搜索' }).click();
  await expect(page).toHaveURL(/\/search\/\?q=%E8%8A%82%E8%83%BD$/);
  // The search page explains itself without JavaScript (the reading-mode switch has a noscript of its own).
  expect(await page.locator('noscript').count()).toBeGreaterThanOrEqual(1);
  await context.close();
});

test('every page has the header search box, sending q to /search/', async ({ request }) => {
  for (const path of builtPages()) {
    const html = await (await request.get(path)).text();
    expect(html, path).toMatch(/<form class="site-search[^"]*" role="search" action="\/search\/" method="get"/);
    expect(html, path).toMatch(/<input id="site-search-q" type="search" name="q"/);
  }
});

test('keyboard only: type, submit, reach the results', async ({ page }) => {
  await page.goto('/search/');
  await expect(page.getByLabel('搜索内容')).toBeFocused();
  await page.keyboard.type('减排');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/q=%E5%87%8F%E6%8E%92/);
  await expect(page.getByTestId('search-status')).toContainText(`找到 ${pagesContaining('减排').length} 个`);
  // Past the search button and the filter toggle, the next stop is the first result.
  for (let i = 0; i < 2; i++) await page.keyboard.press('Tab');
  await expect(page.getByText('按类型、赛区、年度筛选')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.locator('.search-result h2 a').first()).toBeFocused();
  // The filters open from the keyboard too.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('类型')).toBeFocused();
});

test('usable on a 360 px wide phone', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await search(page, '节能');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const box = await page.getByRole('button', { name: '搜索' }).last().boundingBox();
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
});
