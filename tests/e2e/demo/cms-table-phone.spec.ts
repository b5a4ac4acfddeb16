import fs from 'node:fs';
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { contentRootFiles, seedRepo } from '../support/cms-repo.ts';
import { openTable } from '../support/cms-table.ts';

/**
 * A table of 80 rows on a phone (360 and 390 px wide): the page itself never scrolls sideways; the
 * table scrolls in its own box with each row's name kept in view at the left; its controls are big
 * enough for a finger; a cell of the last row can be reached and typed into.
 */
const expect = baseExpect.configure({ timeout: 20_000 });
const ROWS = 80;

/** The demo's enterprises, then fictional ones up to 80 rows (this test's own, never published). */
function eightyEnterprises(): string {
  const lines = fs.readFileSync('examples/demo/data/enterprises.csv', 'utf8').trimEnd().split('\n');
  const zones = ['city', 'dongcheng', 'xishan', 'jiaotong'];
  for (let n = lines.length; n <= ROWS; n++) lines.push(`ceshi-qiye-${n},测试用第${n}号节能设备制造有限公司,${zones[n % zones.length]},机械制造`);
  return `${lines.join('\n')}\n`;
}

async function openEighty(page: Page) {
  await page.goto('/404.html');
  await seedRepo(page, { ...contentRootFiles('examples/demo'), 'data/enterprises.csv': Buffer.from(eightyEnterprises()).toString('base64') });
  await page.goto('/admin/');
  await page.getByRole('button', { name: '使用测试仓库' }).click();
  await expect(page.getByRole('group', { name: '内容库' })).toBeVisible({ timeout: 30_000 });
  await openTable(page, 'enterprises');
  await expect(page.getByText(`共 ${ROWS} 行`)).toBeVisible();
}

/**
 * How far the page can scroll sideways, or hides the table's cells sideways (0: not at all): the
 * document, and every box around the table that scrolls or clips (Sveltia scrolls its panes in
 * boxes of their own, not the document), except the table's own scrolling box.
 */
const sideways = (page: Page) =>
  page.evaluate(() => {
    let worst = document.scrollingElement!.scrollWidth - window.innerWidth;
    const table = document.querySelector('[data-portal-row]')!.closest('table')!;
    for (let box = table.parentElement; box; box = box.parentElement) {
      if (box.classList.contains('portal-table-scroll') || getComputedStyle(box).overflowX === 'visible') continue;
      worst = Math.max(worst, box.scrollWidth - box.clientWidth);
    }
    return worst;
  });

for (const width of [360, 390]) {
  test(`an 80-row table on a ${width} px phone: the page stays put, the table scrolls in its box with the names in view`, async ({ page }) => {
    test.setTimeout(120_000);
    page.setDefaultTimeout(15_000);
    await page.setViewportSize({ width, height: 800 });
    await openEighty(page);
    expect(await sideways(page)).toBeLessThanOrEqual(0);

    // The table is wider than the phone: it scrolls inside its own box, within the screen.
    const table = page.getByRole('table').first();
    const box = page.locator('.portal-table-scroll');
    const boxSize = (await box.boundingBox())!;
    expect(boxSize.x).toBeGreaterThanOrEqual(0);
    expect(boxSize.x + boxSize.width).toBeLessThanOrEqual(width);
    expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);

    // Scrolled to its right end, a row still shows whose row it is, at the box's left.
    await box.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    const name = table.getByRole('rowheader', { name: /青岚铝业有限公司/ });
    await expect(async () => {
      const at = (await name.boundingBox())!;
      expect(Math.abs(at.x - boxSize.x)).toBeLessThanOrEqual(2);
    }).toPass();
    await expect(table.getByRole('button', { name: /^删除第 2 行/ })).toBeInViewport();
    expect(await sideways(page)).toBeLessThanOrEqual(0);

    // The last row is reached and edited; its name column follows what is typed.
    const last = page.getByLabel(`第 ${ROWS + 1} 行 企业名称`, { exact: true });
    await last.scrollIntoViewIfNeeded();
    await last.fill('测试用第80号节能设备制造有限公司（改）');
    await expect(table.getByRole('rowheader', { name: /（改）/ })).toBeInViewport();

    // Buttons a finger can hit: at least 44 px high.
    for (const button of [page.getByRole('button', { name: '添加一行' }), table.getByRole('button', { name: /^删除第 2 行/ })]) {
      expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    }
    // A new row is added in view, and the page still does not scroll sideways.
    await page.getByRole('button', { name: '添加一行' }).click();
    await expect(page.getByLabel(`第 ${ROWS + 2} 行 企业编号`, { exact: true })).toBeFocused();
    await expect(page.getByLabel(`第 ${ROWS + 2} 行 企业编号`, { exact: true })).toBeInViewport();
    expect(await sideways(page)).toBeLessThanOrEqual(0);
  });
}
