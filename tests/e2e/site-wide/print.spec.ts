import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { STORAGE_KEY } from '../../../src/browser/reading-modes.ts';
import { BUILDS, NOT_FOUND, onePerKind, pagesOf, type Build } from '../support/builds.ts';
import { linesOf, printPdf } from '../support/print.ts';
import { decodePdfPage } from '../support/qr-decode.ts';

/**
 * Every kind of page printed to PDF by Chromium, as a reader's 打印 does, and read back with
 * poppler (pdftotext, pdftoppm) and a QR decoder: A4 sheets, none of the screen's controls, every
 * chart's table, links to other sites with their address, a sane number of sheets, and the page's
 * origin (portal, address, QR code) on its first sheet (the notice: below its text). The demo is built
 * with PORTAL_SITE, so its QR codes must scan back to each page's canonical address; the real
 * build's test run has none, so its sheets must say so and carry no code.
 */

/** Text of the screen's controls, none of which may print. */
const SCREEN_ONLY = ['跳到正文', '阅读模式', '高对比度', '搜索本站', '菜单', '分享本页', '复制链接', '保存分享图', '显示本页二维码'];

const squeeze = (s: string) => s.replace(/\s+/g, '');

interface PageFacts {
  canonical: string;
  siteTitle: string;
  originAtEnd: boolean;
  charts: { title: string; rows: string[] }[];
  outside: { text: string; href: string }[];
}

/**
 * As a browser does when asked to print: the print styles apply, the charts are drawn again for
 * paper, and the sheet's QR code (a lazily loaded picture, never fetched on screen) is loaded.
 * Chromium's own printing waits for lazy pictures; page.pdf() starts their load without waiting.
 */
async function printMedia(page: Page) {
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('figure[data-chart]:not([data-failed]):not([data-drawn-for="print"])')).toHaveCount(0);
  // (A page printing a code of its own leaves the origin's out: a picture not shown is not loaded.)
  await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('.print-origin img')].every((img) => !img.checkVisibility() || (img.complete && img.naturalWidth > 0)));
}

const factsOf = (page: Page): Promise<PageFacts> =>
  page.evaluate(() => ({
    canonical: document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? '',
    siteTitle: document.querySelector('.site-title')?.textContent?.trim() ?? '',
    originAtEnd: document.querySelector('.print-origin-end') !== null,
    charts: [...document.querySelectorAll('figure[data-chart]')].map((figure) => ({
      title: figure.querySelector('figcaption')?.textContent?.trim() ?? '',
      rows: [...figure.querySelectorAll('tbody th[scope="row"]')].map((th) => th.textContent?.trim() ?? ''),
    })),
    outside: [...document.querySelectorAll<HTMLAnchorElement>('main a[rel~="noopener"][href^="http"]')].map((a) => ({ text: a.textContent?.trim() ?? '', href: a.getAttribute('href') ?? '' })),
  }));

/** The sheet size poppler reads from the PDF, in points. */
const pageSize = (file: string) => /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))!.slice(1).map(Number);

/** pdftotext in reading order (not -layout): a table cell's wrapped text stays together. */
const readingText = (file: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });

for (const build of Object.keys(BUILDS) as Build[]) {
  const kinds = onePerKind(pagesOf(build));

  test.describe(`${build} build on paper`, () => {
    test.beforeEach(({}, info) => test.skip(info.project.name !== build, `pages of the ${build} build`));

    for (const path of kinds) {
      test(`${path} prints cleanly on A4`, async ({ page }, info) => {
        await page.goto(path);
        const facts = await factsOf(page);
        await printMedia(page);
        const { file, pages } = await printPdf(page, info, 'page');
        const [width, height] = pageSize(file);
        expect(Math.round(width!), 'A4 width, 210 mm').toBe(595);
        expect(Math.round(height!), 'A4 height, 297 mm').toBe(842);

        const text = squeeze(pages.join(''));
        for (const control of SCREEN_ONLY) expect(text, `"${control}" is a screen control`).not.toContain(control);
        pages.forEach((sheet, i) => expect(linesOf(sheet).length, `sheet ${i + 1} is not blank`).toBeGreaterThan(0));
        // A sheet holds over a thousand characters of text; tables and charts hold fewer. Many more
        // sheets than one per 300 characters would be blank space (a chart blown up, a forced break).
        expect(pages.length, `${pages.length} sheets for ${text.length} characters`).toBeLessThanOrEqual(Math.ceil(text.length / 300) + 1);

        const reading = squeeze(readingText(file));
        for (const chart of facts.charts) {
          expect(reading, `chart "${chart.title}" prints its table`).toContain(squeeze(chart.title));
          for (const row of chart.rows) expect(reading, `chart "${chart.title}": row ${row}`).toContain(squeeze(row));
        }
        for (const link of facts.outside) expect(reading, `${link.text} prints its address`).toContain(squeeze(`${link.text}（${link.href}）`));

        if (path === NOT_FOUND) return;
        // The notice's origin is below its text, before its attachments.
        const originSheet = facts.originAtEnd ? pages.findIndex((sheet) => squeeze(sheet).includes(squeeze(facts.siteTitle))) + 1 : 1;
        expect(originSheet, 'a sheet names the portal').toBeGreaterThan(0);
        const origin = squeeze(pages[originSheet - 1]!);
        expect(origin, 'the portal is named').toContain(squeeze(facts.siteTitle));
        const code = decodePdfPage(file, originSheet);
        if (build === 'demo') {
          expect(origin, 'the address is printed').toContain(facts.canonical);
          expect(code, 'the QR code scans to the canonical address').toBe(facts.canonical);
        } else {
          expect(origin, 'without PORTAL_SITE the sheet says why it has no QR code').toContain('未设置网站地址PORTAL_SITE');
          expect(code, 'and carries none').toBeUndefined();
        }
      });
    }

    test('the large-text and high-contrast modes print the normal look', async ({ page }, info) => {
      const path = kinds.find((p) => p === '/quota/')!;
      await page.goto(path);
      await printMedia(page);
      const normal = await printPdf(page, info, 'normal');
      await page.evaluate(([key, value]) => localStorage.setItem(key, value), [STORAGE_KEY, JSON.stringify({ large: true, contrast: true })] as const);
      await page.emulateMedia({ media: 'screen' });
      await page.reload();
      await expect(page.locator('html')).toHaveClass(/mode-large/);
      await expect(page.locator('html')).toHaveClass(/mode-contrast/);
      await printMedia(page);
      const modes = await printPdf(page, info, 'modes');
      expect(modes.pages.map(linesOf)).toEqual(normal.pages.map(linesOf));
    });
  });
}
