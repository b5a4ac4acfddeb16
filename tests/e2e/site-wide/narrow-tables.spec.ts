import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { STORAGE_KEY } from '../../../src/browser/reading-modes.ts';
import { BUILDS, htmlFile, onePerKind, pagesOf, type Build } from '../support/builds.ts';
import { cellsOfWords } from '../support/cell-room.ts';

/**
 * Tables on a phone (360 × 740), in the default look and in large text: no cell of words is
 * squeezed below four characters, and the tables that stack into label/value records on a narrow
 * screen are still tables to screen readers.
 */

const PHONE = { width: 360, height: 740 };

/** One page of each kind among the pages with a table. */
function tablePages(build: Build): string[] {
  return onePerKind(pagesOf(build).filter((page) => fs.readFileSync(htmlFile(build, page), 'utf8').includes('<table')));
}

async function setLarge(page: Page, large: boolean) {
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [STORAGE_KEY, JSON.stringify({ large, contrast: false })] as const);
  await page.reload();
}

/** The cells of words with less than four characters' room. */
async function squeezedCells(page: Page): Promise<string[]> {
  return (await cellsOfWords(page)).filter((c) => c.squeezed).map((c) => `${c.text}: ${c.chars.toFixed(1)} characters wide`);
}

for (const build of Object.keys(BUILDS) as Build[]) {
  test.describe(`${build} build`, () => {
    test.beforeEach(({}, info) => test.skip(info.project.name !== build, `page of the ${build} build`));

    const pages = tablePages(build);
    test('some pages have tables', () => {
      expect(pages.length).toBeGreaterThan(2);
    });

    for (const path of pages) {
      test(`${path}: at 360 px no cell of words is narrower than four characters, in either text size`, async ({ page }) => {
        await page.setViewportSize(PHONE);
        await page.goto(path);
        for (const large of [false, true]) {
          await setLarge(page, large);
          await expect(page.locator('html')).toHaveClass(large ? /mode-large/ : /^(?!.*mode-large)/);
          expect(await squeezedCells(page), large ? 'large text' : 'default look').toEqual([]);
        }
      });
    }

    test('at 360 px a stacked record table is a table still, to the accessibility tree', async ({ page }) => {
      await page.setViewportSize(PHONE);
      await page.goto('/results/');
      const table = page.locator('table.table-stack').first();
      await expect(table).toBeVisible();
      // Stacked indeed: its rows are blocks, not table rows, and its column heads are out of sight.
      expect(await table.locator('tbody tr').first().evaluate((tr) => getComputedStyle(tr).display)).not.toBe('table-row');
      await expect(table.locator('thead')).toHaveCSS('position', 'absolute');

      const rows = await table.locator('tbody tr').count();
      await expect(page.getByRole('table', { name: /评比表彰项目/ })).toBeVisible();
      await expect(table.getByRole('row')).toHaveCount(rows + 2); // the head, the body's rows, the totals
      await expect(table.getByRole('columnheader')).toHaveCount(4);
      await expect(table.getByRole('rowheader')).toHaveCount(rows + 1);
      // Three cells a row; the totals row's empty honour cell is not drawn.
      await expect(table.getByRole('cell')).toHaveCount(rows * 3 + 2);
      // A cell is read with its column head, not with the label drawn before it.
      const snapshot = await table.ariaSnapshot();
      expect(snapshot).toMatch(/- table "[^"]*评比表彰项目/);
      expect(snapshot).toMatch(/- columnheader "推荐申报荣誉"/);
      expect(snapshot).toMatch(/- cell "[^"]+"/);
      // Its name is its value alone (innerText leaves out generated content).
      const value = (await table.locator('tbody td[data-label]').first().innerText()).trim();
      await expect(table.getByRole('cell', { name: value, exact: true }).first()).toBeVisible();
    });
  });
}
