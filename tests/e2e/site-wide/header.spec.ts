import { expect, test, type Page } from '@playwright/test';
import { STORAGE_KEY } from '../../../src/browser/reading-modes.ts';
import { BUILDS, onePerKind, pagesOf, type Build } from '../support/builds.ts';

// The site header on a phone (360 × 740, the common small Android screen in WeChat): the title,
// the search box and one 菜单 control, so that a page's own content starts in the top quarter of
// the screen. The menu is a <details> disclosure that opens the reading modes and the navigation,
// by keyboard and without JavaScript. Wide screens keep the bar and the navigation row.

const PHONE = { width: 360, height: 740 };
const TOP_QUARTER = PHONE.height / 4;
const NAV_LINKS = ['首页', '竞赛通知', '名额分配', '参赛企业', '参赛指南', '评选结果', '先进经验', '新闻动态'];

const mainTop = (page: Page) => page.evaluate(() => document.querySelector('main')!.getBoundingClientRect().top + window.scrollY);
const toggleOf = (page: Page) => page.locator('.site-header summary');
const navOf = (page: Page) => page.getByRole('navigation', { name: '主导航' });

async function expectMenuOpen(page: Page, open: boolean) {
  await expect(page.locator('.site-header details')).toHaveJSProperty('open', open);
  const nav = navOf(page);
  if (open) {
    for (const name of NAV_LINKS) await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
  } else {
    await expect(nav).toBeHidden();
  }
}

for (const build of Object.keys(BUILDS) as Build[]) {
  const kinds = onePerKind(pagesOf(build));

  test.describe(`${build} build, header on a phone`, () => {
    test.beforeEach(({}, info) => test.skip(info.project.name !== build, `page of the ${build} build`));
    test.use({ viewport: PHONE });

    test('<main> starts in the top quarter of a 360 × 740 screen on one page of each kind', async ({ page }) => {
      const tops: string[] = [];
      for (const path of kinds) {
        await page.goto(path);
        await expect(toggleOf(page)).toBeVisible();
        await expect(page.getByRole('search', { name: '全站搜索' })).toBeVisible();
        await expect(navOf(page)).toBeHidden();
        const top = await mainTop(page);
        tops.push(`${path} ${Math.round(top)}`);
        expect.soft(top, `${path}: <main> starts ${Math.round(top)} px down`).toBeLessThanOrEqual(TOP_QUARTER);
      }
      console.log(`<main> top at 360 × 740, ${build} build: ${tops.join(', ')}`);
    });

    test('the menu opens and closes by keyboard and holds the navigation and the reading modes', async ({ page }) => {
      await page.goto('/');
      const toggle = toggleOf(page);
      await expect(toggle).toHaveText('菜单');
      await expectMenuOpen(page, false);

      // Reached by Tab after the search box.
      await page.getByRole('button', { name: '搜索', exact: true }).focus();
      await page.keyboard.press('Tab');
      await expect(toggle).toBeFocused();

      await page.keyboard.press('Enter');
      await expectMenuOpen(page, true);
      await expect(page.getByRole('button', { name: '大字' })).toBeVisible();
      await expect(page.getByRole('button', { name: '高对比度' })).toBeVisible();
      await expect(navOf(page).getByRole('link', { name: '首页' })).toHaveAttribute('aria-current', 'page');

      // Into the menu: the reading modes first, then the links.
      await page.keyboard.press('Tab');
      await expect(page.getByRole('button', { name: '大字' })).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page.locator('html')).toHaveClass(/mode-large/);
      await expectMenuOpen(page, true);

      // Escape closes it and gives focus back to the control.
      await page.keyboard.press('Escape');
      await expectMenuOpen(page, false);
      await expect(toggle).toBeFocused();

      // Space opens and closes it too.
      await page.keyboard.press('Space');
      await expectMenuOpen(page, true);
      await page.keyboard.press('Space');
      await expectMenuOpen(page, false);
    });

    test('in large text the control and the menu are 44 px touch targets and <main> still starts high', async ({ page }) => {
      await page.goto('/');
      await page.evaluate(([k, v]) => localStorage.setItem(k, v), [STORAGE_KEY, JSON.stringify({ large: true, contrast: false })] as const);
      await page.reload();
      await expect(page.locator('html')).toHaveClass(/mode-large/);
      console.log(`<main> top at 360 × 740 in large text, ${build} build, home: ${Math.round(await mainTop(page))}`);
      await toggleOf(page).click();
      await expectMenuOpen(page, true);
      const small = await page.locator('.site-header summary, .site-header a[href], .site-header button').evaluateAll((els) =>
        els
          .filter((el) => (el as HTMLElement).offsetParent !== null)
          .flatMap((el) => [...el.getClientRects()].filter((r) => r.height < 44 || r.width < 44).map((r) => `${el.textContent?.trim()} (${Math.round(r.width)} × ${Math.round(r.height)})`)),
      );
      expect(small).toEqual([]);
      // A tap outside the open menu closes it.
      await page.locator('.site-footer').click();
      await expectMenuOpen(page, false);
    });
  });

  test.describe(`${build} build, the section a page belongs to`, () => {
    test.beforeEach(({}, info) => test.skip(info.project.name !== build, `page of the ${build} build`));

    test('评选结果 is marked current, and only it, on the results, 表彰决定 and 荣誉查询 pages', async ({ page }) => {
      const results = kinds.filter((p) => /^\/(results|decisions|honours)\//.test(p));
      // The demo has a decided year, so each kind of page is there to check; the real 2019 site may not have them yet.
      if (build === 'demo') for (const section of ['/decisions/', '/honours/']) expect(results.some((p) => p.startsWith(section)), section).toBe(true);
      for (const path of results) {
        await page.goto(path);
        await expect(navOf(page).locator('a[aria-current="page"]'), path).toHaveText(['评选结果']);
      }
    });
  });

  test.describe(`${build} build, header on a phone without JavaScript`, () => {
    test.beforeEach(({}, info) => test.skip(info.project.name !== build, `page of the ${build} build`));
    test.use({ viewport: PHONE, javaScriptEnabled: false });

    test('the menu opens by keyboard and its links work; the reading modes are explained instead', async ({ page }) => {
      await page.goto('/');
      expect(await mainTop(page)).toBeLessThanOrEqual(TOP_QUARTER);
      await expectMenuOpen(page, false);
      await toggleOf(page).focus();
      await page.keyboard.press('Enter');
      await expectMenuOpen(page, true);
      await expect(page.locator('[data-reading-modes]')).toBeHidden();
      await expect(page.locator('.site-header .reading-modes-noscript')).toContainText('缩放');
      await page.keyboard.press('Enter');
      await expectMenuOpen(page, false);
      await toggleOf(page).click();
      await navOf(page).getByRole('link', { name: '名额分配' }).click();
      await expect(page).toHaveURL(/\/quota\/$/);
      await expectMenuOpen(page, false);
    });
  });

  test.describe(`${build} build, header on wide screens`, () => {
    test.beforeEach(({}, info) => test.skip(info.project.name !== build, `page of the ${build} build`));
    for (const viewport of [{ width: 1280, height: 800 }, { width: 768, height: 1024 }]) {
      test(`${viewport.width} px: no menu control, the bar and the navigation row as before`, async ({ page }) => {
        await page.setViewportSize(viewport);
        await page.goto('/');
        await expect(toggleOf(page)).toBeHidden();
        for (const name of NAV_LINKS) await expect(navOf(page).getByRole('link', { name, exact: true })).toBeVisible();
        await expect(page.getByRole('button', { name: '大字' })).toBeVisible();
        // The navigation is one row below the bar of title, search box and reading modes.
        const nav = (await navOf(page).boundingBox())!;
        const search = (await page.getByRole('search', { name: '全站搜索' }).boundingBox())!;
        expect(nav.y).toBeGreaterThanOrEqual(search.y + search.height - 1);
        if (viewport.width >= 1280) expect(nav.height).toBeLessThan(60);
      });
    }
  });
}
