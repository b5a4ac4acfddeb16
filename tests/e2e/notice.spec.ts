import { expect, test } from '@playwright/test';

const NOTICE = '/notices/jiaogongwen-2019-27/';

test.describe('the notice 焦工文〔2019〕27号', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(NOTICE);
  });

  test('has the head of an official document', async ({ page }) => {
    const mark = page.locator('.doc-mark');
    await expect(mark).toHaveAttribute('aria-label', '焦作市总工会、焦作市发展和改革委员会、焦作市生态环境局文件');
    await expect(mark).toHaveCSS('color', 'rgb(192, 0, 0)');
    await expect(page.locator('.doc-number')).toHaveText('焦工文〔2019〕27号');
    await expect(page.locator('.doc-rule')).toHaveCSS('border-top-color', 'rgb(192, 0, 0)');
    await expect(page.locator('h1')).toHaveText('关于在全市重点企业开展“三比两降”节能减排劳动竞赛活动的通知');
    await expect(page.locator('.doc-addressees')).toHaveText(
      '各县市区总工会、发展和改革委员会、生态环境局（环保局），市各产业工会、市属基层工会：',
    );
  });

  for (const width of [320, 375]) {
    test(`at ${width} px, each issuer's name stays on one line, also in large text`, async ({ page }) => {
      await page.setViewportSize({ width, height: 740 });
      for (const large of [false, true]) {
        if (large) {
          // On a phone the reading modes are in the header's 菜单.
          await page.locator('.site-header summary').click();
          await page.getByRole('button', { name: '大字' }).click();
          await page.keyboard.press('Escape');
        }
        const lines = await page.locator('.doc-issuers > span').evaluateAll((spans) =>
          spans.map((s) => Math.round(s.getBoundingClientRect().height / parseFloat(getComputedStyle(s).lineHeight))),
        );
        expect(lines, large ? 'large text' : 'default').toEqual([1, 1, 1]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
      }
    });
  }

  test('has all five sections and their numbered items', async ({ page }) => {
    await expect(page.locator('.doc-body h2')).toHaveText(['一、指导思想', '二、竞赛内容', '三、组织实施', '四、评比表彰', '五、竞赛要求']);
    await expect(page.locator('.doc-body strong')).toHaveText([
      '（一）比管理水平。',
      '（二）比技术创新。',
      '（三）比岗位建功。',
      '（四）降能耗。',
      '（五）降排放。',
      '（一）广泛宣传动员。',
      '（二）精心组织实施。',
    ]);
  });

  test('carries the repaired text, without page-break artifacts', async ({ page }) => {
    const body = (await page.locator('.doc-body').innerText()).replace(/\s+/g, '');
    expect(body).toContain('以比管理水平、比技术创新、比岗位建功、降能耗、降排放为主要内容');
    expect(body).toContain('低碳生产生活方式，营造爱护节约资源');
    expect(body).toContain('总结推广先进经验');
    expect(body).toContain('于2019年4月底前报市总工会生产保护部，邮箱：jzghscb@126.com');
    expect(body).not.toContain('此页无正文');
    expect(body).not.toMatch(/[()]/); // headings and names use full-width parentheses
  });

  test('notes the attachment and shows it, reconciled to 80', async ({ page }) => {
    await expect(page.locator('.doc-attachment-note')).toHaveText('附件：焦作市重点企业节能减排竞赛活动参赛企业名额分配表');
    const attachment = page.locator('#attachment-1');
    await expect(attachment.getByTestId('zone-quota-total')).toHaveText('67');
    await expect(attachment.getByTestId('city-enterprises').locator('tbody tr')).toHaveCount(13);
    await expect(attachment.getByTestId('quota-grand-total')).toContainText('合计：80家');
  });

  test('prints on A4 without the site chrome', async ({ page }) => {
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-header')).toBeHidden();
    await expect(page.locator('.site-footer')).toBeHidden();
    await expect(page.locator('.doc-mark')).toBeVisible();
    const pdf = await page.pdf({ preferCSSPageSize: true });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
  });
});
