import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { expect, type Page, type TestInfo } from '@playwright/test';

/**
 * A notice printed to PDF as a reader's browser prints it (A4 from the page's own @page rule), and
 * read back page by page with poppler's pdftotext, so that the checks see what is on the paper:
 * the page numbers in the margin boxes, and a table's rows and totals as often as they print.
 */
export async function printPages(page: Page, testInfo: TestInfo, name: string): Promise<string[]> {
  return (await printPdf(page, testInfo, name)).pages;
}

/** The same, with the PDF file's path (to render a page to an image). */
export async function printPdf(page: Page, testInfo: TestInfo, name: string): Promise<{ file: string; pages: string[] }> {
  const file = testInfo.outputPath(`${name}.pdf`);
  fs.writeFileSync(file, await page.pdf({ preferCSSPageSize: true }));
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  // pdftotext ends every page with a form feed.
  return { file, pages: text.split('\f').slice(0, -1) };
}

/** The lines of a printed page that carry text, without their trailing space. */
export const linesOf = (pageText: string): string[] => pageText.split('\n').map((l) => l.trimEnd()).filter((l) => l.trim() !== '');

const squeeze = (s: string) => s.replace(/\s+/g, '');

/** What the quota attachment holds on the web page itself: the rows each total belongs to. */
interface QuotaRows {
  zones: { name: string; quota: number }[];
  enterprises: string[];
}

async function quotaRows(page: Page): Promise<QuotaRows> {
  return page.locator('#attachment-1').evaluate((section) => ({
    zones: [...section.querySelectorAll('[data-testid="zone-quota"] tbody tr')].map((tr) => ({
      name: tr.querySelector('th')?.textContent?.trim() ?? '',
      quota: Number(tr.querySelector('[data-quota]')?.getAttribute('data-quota')),
    })),
    enterprises: [...section.querySelectorAll('[data-testid="city-enterprises"] tbody tr th')].map((th) => th.textContent?.trim() ?? ''),
  }));
}

/**
 * The checks every printed notice passes: each page ends with its number "— N —"; the links print
 * black; every row of the quota tables prints once, and each total prints once and equals the sum
 * of the rows printed above it (a repeated table footer would print a subtotal under every page's
 * share of the rows). Returns the pages, for the caller's own checks.
 */
export async function checkPrintedNotice(page: Page, testInfo: TestInfo, name: string): Promise<string[]> {
  await page.emulateMedia({ media: 'print' });
  const linkColours = await page.locator('.official-doc a').evaluateAll((links) => links.map((a) => getComputedStyle(a).color));
  expect(new Set(linkColours), 'links print black').toEqual(new Set(['rgb(0, 0, 0)']));
  expect(await page.locator('.official-doc').evaluate((el) => getComputedStyle(el).color)).toBe('rgb(0, 0, 0)');

  const pages = await printPages(page, testInfo, name);
  expect(pages.length).toBeGreaterThan(0);
  pages.forEach((text, i) => {
    const lines = linesOf(text);
    expect(squeeze(lines.at(-1) ?? ''), `page ${i + 1} ends with its number`).toBe(`—${i + 1}—`);
  });

  const all = pages.flatMap(linesOf);
  const { zones, enterprises } = await quotaRows(page);
  expect(zones.length, 'the zone table has rows').toBeGreaterThan(0);

  // Each zone prints once, as a row ending in its quota; the subtotal prints once, under them all.
  let zoneSum = 0;
  for (const zone of zones) {
    const rows = all.filter((l) => l.trim().split(/\s+/)[0] === zone.name);
    expect(rows, `${zone.name} prints once`).toHaveLength(1);
    const printed = Number(rows[0]!.trim().split(/\s+/).at(-1));
    expect(printed, `${zone.name}'s quota`).toBe(zone.quota);
    zoneSum += printed;
  }
  const zoneSubtotals = all.filter((l) => /^小计\s+\d+$/.test(l.trim()));
  expect(zoneSubtotals, 'the zone subtotal prints once').toHaveLength(1);
  expect(Number(zoneSubtotals[0]!.trim().split(/\s+/)[1]), 'the zone subtotal is the sum of the printed rows').toBe(zoneSum);
  const lastZoneRow = all.findIndex((l) => l.trim().split(/\s+/)[0] === zones.at(-1)!.name);
  expect(all.indexOf(zoneSubtotals[0]!), 'the zone subtotal follows the last zone').toBeGreaterThan(lastZoneRow);

  // Each city enterprise prints once, numbered; the subtotal counts them once.
  const numbered = all.map((l) => /^(\d+)\s+(\S.*)$/.exec(l.trim())).filter((m) => m !== null && enterprises.includes(m[2]!.trim()));
  expect(numbered.map((m) => m![2]!.trim()), 'every city enterprise prints once, in order').toEqual(enterprises);
  expect(numbered.map((m) => Number(m![1])), 'numbered 1 to n').toEqual(enterprises.map((_, i) => i + 1));
  const citySubtotals = all.filter((l) => /^小计\s+\d+家$/.test(l.trim()));
  expect(citySubtotals, 'the city subtotal prints once').toHaveLength(1);
  expect(Number(/(\d+)家/.exec(citySubtotals[0]!)![1]), 'the city subtotal counts the printed rows').toBe(enterprises.length);

  // Only those two subtotals, and the grand total once, adding them up.
  expect(all.filter((l) => l.includes('小计')), 'two subtotals in all').toHaveLength(2);
  const text = squeeze(pages.join(''));
  const grand = [...text.matchAll(/合计：(\d+)家（县市区和产业赛区名额(\d+)家，[^）]*?(\d+)家）/g)];
  expect(grand, 'the grand total prints once').toHaveLength(1);
  expect(grand[0]!.slice(1).map(Number)).toEqual([zoneSum + enterprises.length, zoneSum, enterprises.length]);
  return pages;
}
