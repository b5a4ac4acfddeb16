import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { buildSite } from '../../../tools/build-site.ts';
import jsQR from 'jsqr';
import sharp from 'sharp';
import { port } from '../support/ports.ts';
import { printPages } from '../support/print.ts';

/**
 * The demo built as a deploy builds it (PORTAL_SITE set, here to this test's own server) on a
 * pinned hour, PORTAL_NOW an hour before its 2024 公示 closes. A page built then and read after the
 * closing hour: the script corrects what the page says by the reader's clock (faked here with
 * page.clock); without JavaScript the page keeps saying when it was built. The 2023 honours,
 * decided by then, have records whose QR code leads back to them and which print on one A4 page.
 */
const STALE_PORT = port + 3;
const ORIGIN = `http://127.0.0.1:${STALE_PORT}`;

test.describe.configure({ mode: 'serial' });

let work: string;
let server: ChildProcess | undefined;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-publicity-'));
  // A copy of the demo, so this build has a content cache of its own.
  const root = path.join(work, 'site');
  fs.cpSync('examples/demo', root, { recursive: true });
  const outDir = path.join(work, 'dist');
  const { status, output } = buildSite(outDir, { PORTAL_CONTENT: root, PORTAL_DEMO: '1', PORTAL_NOW: '2024-12-06T17:00', PORTAL_SITE: ORIGIN });
  expect(status, output).toBe(0);
  server = spawn(process.execPath, ['tools/serve.ts', outDir, String(STALE_PORT)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    server!.stdout!.once('data', () => resolve());
    server!.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
});

test.afterAll(() => {
  if (server?.pid) process.kill(server.pid);
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

const publicity = (page: import('@playwright/test').Page) => page.getByTestId('publicity').filter({ hasText: '2024年评选表彰对象公示' });

test('read before the closing hour, the page says 公示中 and how long is left', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2024-12-06T17:30:00+08:00'));
  await page.goto(`${ORIGIN}/results/`);
  const section = publicity(page);
  await expect(section.locator('[data-publicity-badge]')).toHaveText('公示中');
  await expect(section.locator('[data-publicity-remaining]')).toHaveText('今天18时截止');
  await expect(section).toContainText('本页生成于北京时间2024年12月6日17时');
  await expect(section.getByRole('link', { name: '0391-3568011' })).toHaveAttribute('href', 'tel:03913568011');
});

test('read after the closing hour, the script corrects the stale page, here and on the home page', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') violations.push(m.text());
  });
  await page.clock.setFixedTime(new Date('2024-12-06T18:00:00+08:00'));
  await page.goto(`${ORIGIN}/results/`);
  const section = publicity(page);
  await expect(section.locator('[data-publicity-badge]')).toHaveText('公示期满，待表彰决定');
  await expect(section.locator('[data-publicity-remaining]')).toHaveText('公示已于2024年12月6日18时期满');
  await expect(section).toContainText('反映问题的方式（已截止）');
  await expect(section.locator('[data-publicity-corrected]')).toBeVisible();
  await page.goto(`${ORIGIN}/`);
  await expect(page.getByTestId('home-publicity').locator('[data-publicity-badge]')).toHaveText('公示期满，待表彰决定');
  // The script runs under the site's policy: nothing refused, nothing thrown.
  expect(violations).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the page keeps what it was built with and says when that was', async ({ page }) => {
    await page.goto(`${ORIGIN}/results/`);
    const section = publicity(page);
    await expect(section.locator('[data-publicity-badge]')).toHaveText('公示中');
    await expect(section).toContainText('本页生成于北京时间2024年12月6日17时；如已过公示截止时间，以截止时间为准。');
    await page.goto(`${ORIGIN}/`);
    await expect(page.getByTestId('home-publicity')).toContainText('公示中');
    await expect(page.getByTestId('home-publicity')).toContainText('本页生成于北京时间2024年12月6日17时');
  });
});

test.describe('荣誉查询', () => {
  test('a worker’s page links to the record; its QR code, drawn at build time, decodes to the record’s own address', async ({ page }) => {
    await page.goto(`${ORIGIN}/workers/li-xiulan/`);
    await page.getByTestId('honour-records').getByRole('link').click();
    await expect(page.getByTestId('honour-verdict')).toHaveText('经核验，李秀兰获2023年度节能减排竞赛先进个人和技术标兵表彰。');
    // Read as a phone would: the code as the page shows it.
    const shot = await page.getByTestId('honour-qr').screenshot();
    const { data, info } = await sharp(shot).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const decoded = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height);
    expect(decoded?.data).toBe(page.url());
    expect(page.url()).toMatch(new RegExp(`^${ORIGIN}/honours/[0-9A-HJKMNP-TV-Z]{8}/$`));
  });

  test('a record is found by its code through the site search, and prints as one A4 page', async ({ page }, testInfo) => {
    await page.goto(`${ORIGIN}/honours/`);
    const row = page.locator('tr[data-honour]').filter({ hasText: '青岚铝业有限公司' }).first();
    const code = (await row.getAttribute('data-honour'))!;
    await page.getByRole('searchbox', { name: '核验码' }).fill(code.toLowerCase());
    await page.getByRole('button', { name: '查询' }).click();
    // The record's title is its code: a search by code finds it first (a name finds the profile first).
    await page.locator('.search-result').first().getByRole('link', { name: `荣誉记录 ${code}` }).click();
    await expect(page.getByTestId('honour-code')).toHaveText(code);
    await page.emulateMedia({ media: 'print' });
    const pages = await printPages(page, testInfo, `honour-${code}`);
    expect(pages).toHaveLength(1);
    const paper = pages[0]!.replace(/\s+/g, '');
    for (const text of [code, '青岚铝业有限公司', '2023年度节能减排竞赛先进单位', '示工文〔2024〕1号', '推荐申报示例市五一劳动奖状', `${ORIGIN}/honours/${code}/`]) expect(paper).toContain(text);
    // Nothing of the site's furniture on the proof.
    expect(paper).not.toContain('搜索本站');
  });

  test('a person’s record shows name, unit and post only, and no personal number', async ({ page }) => {
    await page.goto(`${ORIGIN}/workers/zhang-mingyuan/`);
    await page.getByTestId('honour-records').getByRole('link').first().click();
    const facts = await page.locator('.honour-facts dt').allTextContents();
    expect(facts).toEqual(['核验码', '姓名', '单位', '岗位', '荣誉', '表彰决定', '推荐申报']);
    const text = await page.getByTestId('honour-record').innerText();
    expect(text).not.toMatch(/1[3-9]\d{9}|\d{17}[\dXx]/);
  });
});
