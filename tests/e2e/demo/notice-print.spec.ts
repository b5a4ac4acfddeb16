import { expect, test } from '@playwright/test';
import { sitemapPages } from '../support/site-pages.ts';
import { checkPrintedNotice, linesOf } from '../support/print.ts';

// Every demo notice the sitemap lists, so that a notice added to the demo is printed too.
const notices = sitemapPages('dist-demo').filter((p) => /^\/notices\/[^/]+\/$/.test(p));

test('the demo has notices to print', () => {
  expect(notices.length).toBeGreaterThan(0);
});

for (const notice of notices) {
  test(`${notice} prints numbered pages, each total once, headings with their tables`, async ({ page }, testInfo) => {
    await page.goto(notice);
    const pages = await checkPrintedNotice(page, testInfo, notice.split('/').filter(Boolean).at(-1)!);
    // The short demo text fits on two pages; the attachment, its heading and both tables on the third.
    expect(pages).toHaveLength(3);
    const attachment = linesOf(pages[2]!).map((l) => l.trim());
    expect(attachment[0]).toBe('附件');
    expect(attachment.filter((l) => l.includes('小计'))).toHaveLength(2);
  });
}
