import { expect, test, type Page } from '@playwright/test';

// Keyboard use, focus, the 适老化 reading modes, zoom and pages without JavaScript, on the real build.

const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('the skip link is the first stop and moves focus to the main content', async ({ page }) => {
  await page.goto('/quota/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: '跳到正文' });
  await expect(skip).toBeFocused();
  const box = await skip.boundingBox();
  expect(box && box.y >= 0 && box.height > 0).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
});

test('every control is reached by Tab, in order, with a visible focus ring', async ({ page }) => {
  await page.goto('/');
  const controls = await page
    .locator('a[href], button, [tabindex="0"]')
    .evaluateAll((els) => els.filter((el) => (el as HTMLElement).offsetParent !== null || el.classList.contains('skip-link')).length);
  const stops: string[] = [];
  for (let i = 0; i < controls + 2; i++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      return { name: `${el.tagName} ${el.textContent?.trim().slice(0, 20)}`, outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    if (!focus) break;
    if (stops.includes(focus.name) && stops.length >= controls) break;
    expect(focus.outline, focus.name).not.toBe('none');
    expect(focus.width, focus.name).toBeGreaterThanOrEqual(2);
    stops.push(focus.name);
  }
  expect(stops.length).toBeGreaterThanOrEqual(controls);
  expect(stops).toContain('BUTTON 大字');
  expect(stops).toContain('BUTTON 高对比度');
});

test('large text: switched by keyboard, announced, remembered, 18 pt body and 44 px targets', async ({ page }) => {
  await page.goto('/');
  const large = page.getByRole('button', { name: '大字' });
  await expect(large).toHaveAttribute('aria-pressed', 'false');
  await large.focus();
  await page.keyboard.press('Space');
  await expect(large).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveClass(/mode-large/);
  await expect(page.locator('[data-reading-modes-status]')).toHaveText('已开启大字模式');

  for (const path of ['/enterprises/', '/notices/jiaogongwen-2019-27/']) {
    await page.goto(path);
    await expect(page.locator('html')).toHaveClass(/mode-large/);
    await expect(page.getByRole('button', { name: '大字' })).toHaveAttribute('aria-pressed', 'true');
    const bodyPx = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    expect(bodyPx).toBeGreaterThanOrEqual(24); // 18 pt
    const small = await page.locator('a[href], button').evaluateAll((els) =>
      els
        .filter((el) => (el as HTMLElement).offsetParent !== null)
        .flatMap((el) => [...el.getClientRects()].filter((r) => r.height < 44).map((r) => `${el.textContent?.trim()} ${Math.round(r.height)}px`)),
    );
    expect(small, path).toEqual([]);
  }

  await page.getByRole('button', { name: '大字' }).click();
  await expect(page.locator('[data-reading-modes-status]')).toHaveText('已关闭大字模式');
  await page.goto('/');
  await expect(page.locator('html')).not.toHaveClass(/mode-large/);
});

test('high contrast: white on black, remembered across pages', async ({ page }) => {
  await page.goto('/');
  const contrast = page.getByRole('button', { name: '高对比度' });
  await contrast.focus();
  await page.keyboard.press('Enter');
  await expect(contrast).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('[data-reading-modes-status]')).toHaveText('已开启高对比度模式');
  await page.goto('/quota/');
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(0, 0, 0)');
  await expect(page.locator('body')).toHaveCSS('color', 'rgb(255, 255, 255)');
  await expect(page.getByRole('button', { name: '高对比度' })).toHaveAttribute('aria-pressed', 'true');
});

test('a remembered mode is on before the page is first drawn, not only once it has loaded', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('jz-portal-reading-modes', JSON.stringify({ large: true, contrast: true })));
  // <html>'s classes at the moment <body> appears, before any module script (the switch) has run.
  await page.addInitScript(() => {
    // Set before <html> itself exists: watch the whole document.
    new MutationObserver((_, observer) => {
      if (!document.body) return;
      document.documentElement.dataset.classesAtBody = document.documentElement.className;
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  const violations: string[] = [];
  page.on('console', (m) => m.text().includes('Content Security Policy') && violations.push(m.text()));
  await page.goto('/quota/');
  const atBody = await page.evaluate(() => document.documentElement.dataset.classesAtBody ?? '');
  expect(atBody.split(' ').sort()).toEqual(['js', 'mode-contrast', 'mode-large']);
  expect(violations).toEqual([]);
});

test.describe('at 200% browser zoom', () => {
  // 1280 × 720 at 200% lays out as 640 × 360 CSS px on a screen of twice the density.
  test.use({ viewport: { width: 640, height: 360 }, deviceScaleFactor: 2 });
  for (const path of ['/', '/quota/', '/notices/jiaogongwen-2019-27/', '/enterprises/jiaomei-jituan/']) {
    test(`${path} reflows and keeps its controls`, async ({ page }) => {
      await page.goto(path);
      expect(await sidewaysScroll(page)).toBe(0);
      await expect(page.getByRole('button', { name: '大字' })).toBeVisible();
      await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
    });
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
  test('pages read and navigate; the mode switch is hidden and the way to enlarge is explained', async ({ page }) => {
    await page.goto('/');
    // On a phone the reading modes and the navigation are in the header's 菜单 (a <details>, no script needed).
    await page.locator('.site-header summary').click();
    await expect(page.locator('[data-reading-modes]')).toBeHidden();
    await expect(page.locator('.reading-modes-noscript')).toContainText('缩放');
    await expect(page.locator('h1')).toBeVisible();
    expect(await sidewaysScroll(page)).toBe(0);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '名额分配' }).click();
    await expect(page).toHaveURL(/\/quota\/$/);
    await expect(page.getByTestId('zone-quota')).toBeVisible();
  });
});

test('system fonts only: Chinese stacks, FangSong and Song on the notice, no web font', async ({ page }) => {
  await page.goto('/notices/jiaogongwen-2019-27/');
  const fonts = await page.evaluate(() => ({
    body: getComputedStyle(document.body).fontFamily,
    doc: getComputedStyle(document.querySelector('.doc-body')!).fontFamily,
    title: getComputedStyle(document.querySelector('.doc-title')!).fontFamily,
    faces: document.fonts.size,
  }));
  expect(fonts.body).toMatch(/^"PingFang SC", .*"Microsoft YaHei", .*"Noto Sans CJK SC"/);
  expect(fonts.doc).toMatch(/^FangSong/);
  expect(fonts.title).toMatch(/^SimSun, .*"Songti SC"/);
  expect(fonts.faces).toBe(0);
});
