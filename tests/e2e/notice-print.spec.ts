import { expect, test } from '@playwright/test';
import { checkPrintedNotice, linesOf } from './support/print.ts';

const NOTICE = '/notices/jiaogongwen-2019-27/';

test.describe('the notice 焦工文〔2019〕27号 on paper', () => {
  test('prints numbered pages, each total once, in the GB/T 9704 version area', async ({ page }, testInfo) => {
    await page.goto(NOTICE);
    const pages = await checkPrintedNotice(page, testInfo, 'jiaogongwen-2019-27');
    // Five pages of text, the attachment's two tables each on a page of its own.
    expect(pages).toHaveLength(7);
    expect(linesOf(pages[5]!)[0]!.trim()).toBe('附件');
    // A full page of text: 22 lines (and the page number), most of 28 characters (a paragraph's
    // first line is two characters in).
    const body = linesOf(pages[1]!).slice(0, -1);
    expect(body).toHaveLength(22);
    const lengths = body.map((l) => l.trim().length);
    const full = lengths.filter((n) => n === 28).length;
    expect(full, `line lengths ${lengths.join(' ')}`).toBeGreaterThanOrEqual(15);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(29);
  });

  test('prints the same in the large-text and high-contrast modes', async ({ page }, testInfo) => {
    await page.goto(NOTICE);
    await page.getByRole('button', { name: '大字' }).click();
    await page.getByRole('button', { name: '高对比度' }).click();
    await expect(page.locator('html')).toHaveClass(/mode-large/);
    await expect(page.locator('html')).toHaveClass(/mode-contrast/);
    const pages = await checkPrintedNotice(page, testInfo, 'jiaogongwen-2019-27-modes');
    expect(pages).toHaveLength(7);
    expect(linesOf(pages[1]!).slice(0, -1)).toHaveLength(22);
  });
});
