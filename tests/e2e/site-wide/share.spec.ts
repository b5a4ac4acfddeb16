import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { BUILDS, NOT_FOUND, onePerKind, pagesOf, type Build } from '../support/builds.ts';
import { dataUrlBytes, decodePng } from '../support/qr-decode.ts';

/**
 * 分享本页 on a phone (360 px), by keyboard and screen reader: one button, whose dialog's code is
 * fetched on the first click (no request for it before); the copy is announced, the dialog closes
 * with Escape and gives focus back, its QR code and the share picture's (drawn in the browser) scan
 * back to the page's canonical address (the demo is built with PORTAL_SITE; the real build's test
 * run is not, and offers neither code nor picture). Without scripts, no dead button is shown.
 */
test.use({ viewport: { width: 360, height: 740 } });

const canonicalOf = (page: import('@playwright/test').Page) => page.locator('link[rel="canonical"]').getAttribute('href');

for (const build of Object.keys(BUILDS) as Build[]) {
  const kinds = onePerKind(pagesOf(build)).filter((p) => p !== NOT_FOUND);

  test.describe(`${build} build`, () => {
    test.beforeEach(({}, info) => test.skip(info.project.name !== build, `pages of the ${build} build`));

    test('every reader\'s page has the button; the 404 page does not; its code comes with the first click', async ({ page }) => {
      for (const path of kinds) {
        await page.goto(path);
        await expect(page.getByRole('button', { name: '分享本页' }), path).toBeVisible();
      }
      const fetched: string[] = [];
      page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
      await page.goto('/quota/', { waitUntil: 'networkidle' });
      const module = await page.getByRole('button', { name: '分享本页' }).getAttribute('data-share');
      expect(module).toMatch(/^\/_astro\/share-.*\.js$/);
      expect(fetched, 'nothing of the dialog on the first load').not.toContain(module);
      await page.getByRole('button', { name: '分享本页' }).click();
      await expect(page.getByRole('dialog', { name: '分享本页' })).toBeVisible();
      expect(fetched).toContain(module);
      await page.goto(NOT_FOUND);
      await expect(page.locator('[data-share]')).toHaveCount(0);
    });

    test('复制链接 copies the canonical address and says so to screen readers; Escape closes and focus returns', async ({ page, context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.goto('/quota/');
      const opener = page.getByRole('button', { name: '分享本页' });
      await opener.focus();
      expect(await opener.evaluate((el) => getComputedStyle(el).outlineStyle), 'focus is visible').not.toBe('none');
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: '分享本页' });
      await expect(dialog.getByRole('button', { name: '关闭' })).toBeFocused();
      await expect(dialog.getByRole('textbox', { name: '本页网址' })).toHaveValue((await canonicalOf(page))!);
      const copy = dialog.getByRole('button', { name: '复制链接' });
      await copy.focus();
      expect(await copy.evaluate((el) => getComputedStyle(el).outlineStyle), 'focus is visible').not.toBe('none');
      await page.keyboard.press('Enter');
      await expect(dialog.getByRole('status')).toHaveText('已复制本页链接');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await canonicalOf(page));
      expect(await new AxeBuilder({ page }).include('dialog').analyze().then((r) => r.violations.map((v) => v.id))).toEqual([]);
      await page.keyboard.press('Escape');
      await expect(dialog).toHaveCount(0);
      await expect(opener).toBeFocused();
      // A second opening needs no second load.
      await opener.click();
      await expect(dialog).toBeVisible();
    });

    if (build === 'demo') {
      test('the dialog\'s QR code scans to the page', async ({ page }) => {
        await page.goto('/enterprises/');
        await page.getByRole('button', { name: '分享本页' }).click();
        const dialog = page.getByRole('dialog', { name: '分享本页' });
        const shot = await dialog.getByRole('img', { name: /^本页网址的二维码/ }).screenshot();
        expect(decodePng(shot), 'the dialog\'s code scans to the page').toBe(await canonicalOf(page));
      });

      for (const path of kinds) {
        test(`${path}: the share picture is drawn and its QR code scans back to the page`, async ({ page }) => {
          await page.goto(path);
          await page.getByRole('button', { name: '分享本页' }).click();
          await page.getByRole('dialog', { name: '分享本页' }).getByRole('button', { name: '保存分享图' }).click();
          const dialog = page.getByRole('dialog', { name: '分享图' });
          const picture = dialog.getByRole('img', { name: /^分享图：/ });
          await expect(picture).toBeVisible();
          const src = (await picture.getAttribute('src'))!;
          expect(src).toMatch(/^data:image\/png;base64,/);
          expect(decodePng(dataUrlBytes(src))).toBe(await canonicalOf(page));
          const { width, height } = await picture.evaluate((img: HTMLImageElement) => ({ width: img.naturalWidth, height: img.naturalHeight }));
          expect(width).toBe(750);
          expect(height).toBeGreaterThan(750);
          await expect(dialog.getByRole('link', { name: '保存图片' })).toHaveAttribute('download', /\.png$/);
          expect(await new AxeBuilder({ page }).analyze().then((r) => r.violations.map((v) => v.id))).toEqual([]);
          await dialog.getByRole('button', { name: '关闭' }).click();
          await expect(page.getByRole('dialog')).toHaveCount(0);
          await expect(page.getByRole('button', { name: '分享本页' })).toBeFocused();
        });
      }
    } else {
      test('without PORTAL_SITE: no QR code and no share picture, and the dialog says why', async ({ page }) => {
        await page.goto('/quota/');
        await page.getByRole('button', { name: '分享本页' }).click();
        const dialog = page.getByRole('dialog', { name: '分享本页' });
        await expect(dialog.getByText('未设置网站地址（PORTAL_SITE）')).toBeVisible();
        await expect(dialog.getByRole('img')).toHaveCount(0);
        await expect(dialog.getByRole('button', { name: '保存分享图' })).toHaveCount(0);
      });
    }
  });
}

test.describe('without scripts', () => {
  test.use({ javaScriptEnabled: false });
  test('no share button that could not work', async ({ page }) => {
    await page.goto('/quota/');
    await expect(page.locator('[data-share]')).toBeHidden();
  });
});
