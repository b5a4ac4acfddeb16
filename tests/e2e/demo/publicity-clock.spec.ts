import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { buildSite } from '../../../tools/build-site.ts';
import { port } from '../support/ports.ts';

/**
 * A page built while the demo's 2024 公示 runs (PORTAL_NOW an hour before it closes) and read
 * after its closing hour: the script corrects what the page says by the reader's clock (faked
 * here with page.clock); without JavaScript the page keeps saying when it was built.
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
  const { status, output } = buildSite(outDir, { PORTAL_CONTENT: root, PORTAL_DEMO: '1', PORTAL_NOW: '2024-12-06T17:00' });
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
  });
});
