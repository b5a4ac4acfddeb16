import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { BUILDS, NOT_FOUND, onePerKind, pagesOf, type Build } from '../support/builds.ts';
import { dataUrlBytes, decodePng } from '../support/qr-decode.ts';

/**
 * 分享本页 on a phone (360 px), by keyboard and screen reader: the copy is announced, the QR dialog
 * opens and closes with Escape and gives focus back, the share picture is drawn in the browser and
 * its QR code scans back to the page's canonical address (the demo is built with PORTAL_SITE; the
 * real build's test run is not, and offers neither code nor picture). Without scripts, the address
 * is a link and the QR code a <details> away.
 */
test.use({ viewport: { width: 360, height: 740 } });

const canonicalOf = (page: import('@playwright/test').Page) => page.locator('link[rel="canonical"]').getAttribute('href');

for (const build of Object.keys(BUILDS) as Build[]) {
  const kinds = onePerKind(pagesOf(build)).filter((p) => p !== NOT_FOUND);

  test.describe(`${build} build`, () => {
    test.beforeEach(({}, info) => test.skip(info.project.name !== build, `pages of the ${build} build`));

    test('every reader\'s page has the control; the 404 page and /admin/ do not', async ({ page }) => {
      for (const path of kinds) {
        await page.goto(path);
        await expect(page.getByRole('region', { name: '分享本页' }), path).toBeVisible();
        await expect(page.getByRole('button', { name: '复制链接' }), path).toBeVisible();
      }
      await page.goto(NOT_FOUND);
      await expect(page.locator('[data-share]')).toHaveCount(0);
    });

    test('复制链接 copies the canonical address and says so to screen readers', async ({ page, context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.goto('/quota/');
      const button = page.getByRole('button', { name: '复制链接' });
      await button.focus();
      await expect(button).toBeFocused();
      expect(await button.evaluate((el) => getComputedStyle(el).outlineStyle), 'focus is visible').not.toBe('none');
      await page.keyboard.press('Enter');
      await expect(page.locator('[data-share-status]')).toHaveText('已复制本页链接');
      await expect(page.locator('[data-share-status]')).toHaveAttribute('role', 'status');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await canonicalOf(page));
    });

    if (build === 'demo') {
      test('二维码 opens a dialog by keyboard; Escape closes it and focus returns', async ({ page }) => {
        await page.goto('/enterprises/');
        const opener = page.getByRole('button', { name: '二维码' });
        await opener.focus();
        await page.keyboard.press('Enter');
        const dialog = page.getByRole('dialog', { name: '本页二维码' });
        await expect(dialog).toBeVisible();
        await expect(dialog.getByRole('button', { name: '关闭' })).toBeFocused();
        expect(await new AxeBuilder({ page }).include('dialog').analyze().then((r) => r.violations.map((v) => v.id))).toEqual([]);
        const shot = await dialog.locator('svg').screenshot();
        expect(decodePng(shot), 'the dialog\'s code scans to the page').toBe(await canonicalOf(page));
        await page.keyboard.press('Escape');
        await expect(dialog).toHaveCount(0);
        await expect(opener).toBeFocused();
      });

      for (const path of kinds) {
        test(`${path}: the share picture is drawn and its QR code scans back to the page`, async ({ page }) => {
          await page.goto(path);
          await page.getByRole('button', { name: '保存分享图' }).click();
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
          await expect(dialog).toHaveCount(0);
        });
      }
    } else {
      test('without PORTAL_SITE: no QR code and no share picture, and the page says why', async ({ page }) => {
        await page.goto('/quota/');
        await expect(page.getByRole('button', { name: '二维码' })).toHaveCount(0);
        await expect(page.getByRole('button', { name: '保存分享图' })).toHaveCount(0);
        await expect(page.locator('#page-qr')).toHaveCount(0);
      });
    }
  });
}

test.describe('without scripts', () => {
  test.use({ javaScriptEnabled: false });
  test('the address is a plain link and the QR code a <details> away', async ({ page }, info) => {
    await page.goto('/quota/');
    const share = page.getByRole('region', { name: '分享本页' });
    await expect(share.getByRole('button', { name: '复制链接' })).toBeHidden();
    const canonical = new URL((await canonicalOf(page))!);
    await expect(share.getByRole('link')).toHaveAttribute('href', canonical.pathname);
    // The full address where the build knows it (PORTAL_SITE), else the path.
    await expect(share.getByRole('link')).toHaveText(info.project.name === 'demo' ? canonical.href : canonical.pathname);
    if (info.project.name === 'demo') {
      await share.getByText('显示本页二维码').click();
      expect(decodePng(await share.locator('svg').screenshot())).toBe(await canonicalOf(page));
    }
  });
});
