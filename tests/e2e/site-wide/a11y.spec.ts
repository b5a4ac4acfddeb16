import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { STORAGE_KEY, type Modes } from '../../../src/browser/reading-modes.ts';
import { BUILDS, onePerKind, pagesOf, type Build } from '../support/builds.ts';

// WCAG 2.0, 2.1 and 2.2, levels A and AA (GB/T 37668-2019 follows WCAG 2.0 AA).
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

async function axeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  // A readable summary in the failure message: rule, impact and the first offending nodes.
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** Remembers reading modes for the next page load, as the switch does. */
async function rememberModes(page: Page, modes: Partial<Modes>) {
  const value = JSON.stringify({ large: false, contrast: false, ...modes });
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [STORAGE_KEY, value] as const);
}

/** How far the page itself scrolls sideways (0 when it reflows). */
const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

for (const build of Object.keys(BUILDS) as Build[]) {
  const pages = pagesOf(build);
  const kinds = new Set(onePerKind(pages));

  test.describe(`${build} build`, () => {
    test.beforeEach(({}, info) => test.skip(info.project.name !== build, `page of the ${build} build`));

    test('the sitemap lists pages to check', () => {
      expect(pages.length).toBeGreaterThan(5);
    });

    for (const path of pages) {
      test(`${path}: no WCAG 2.2 AA violation, reflows at 320 px, loose lines`, async ({ page }) => {
        await page.goto(path);
        expect(await axeViolations(page)).toEqual([]);

        const lineHeight = await page.evaluate(() => {
          const style = getComputedStyle(document.body);
          return parseFloat(style.lineHeight) / parseFloat(style.fontSize);
        });
        expect(lineHeight).toBeGreaterThanOrEqual(1.5);

        // WCAG 1.4.10: at 320 CSS px the page never scrolls sideways (wide tables scroll in their own box),
        // in the default look and in large text.
        await page.setViewportSize({ width: 320, height: 640 });
        expect(await sidewaysScroll(page)).toBe(0);
        await rememberModes(page, { large: true });
        await page.reload();
        await expect(page.locator('html')).toHaveClass(/mode-large/);
        expect(await sidewaysScroll(page)).toBe(0);
      });

      if (kinds.has(path)) {
        test(`${path}: no violation in the large-text and the high-contrast mode`, async ({ page }) => {
          await page.goto(path);
          // Large text alone keeps the default colours, which the default run checks; its layout is checked with both.
          for (const modes of [{ contrast: true }, { large: true, contrast: true }]) {
            await rememberModes(page, modes);
            await page.reload();
            expect(await axeViolations(page), JSON.stringify(modes)).toEqual([]);
          }
          // Large text makes every link and button a touch target of at least 44 px (at a phone's width too).
          await page.setViewportSize({ width: 360, height: 740 });
          const small = await page.locator('a[href], button').evaluateAll((els) =>
            els
              .filter((el) => (el as HTMLElement).offsetParent !== null)
              .flatMap((el) => [...el.getClientRects()].filter((r) => r.height < 44).map((r) => `${el.textContent?.trim()} (${Math.round(r.height)} px)`)),
          );
          expect(small).toEqual([]);
        });
      }
    }
  });
}
