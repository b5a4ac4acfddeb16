import { expect, test } from '@playwright/test';

test('an enterprise page shows each year: documents, energy against the industry average, emissions, honours', async ({ page, request }) => {
  await page.goto('/enterprises/qinglan-lvye/');
  const years = page.getByTestId('enterprise-year');
  await expect(years.locator('h2')).toHaveText(['2024年竞赛情况', '2023年竞赛情况']);
  const y2023 = years.filter({ hasText: '2023年竞赛情况' });
  const plan = y2023.getByRole('link', { name: '查看' }).first();
  const href = await plan.getAttribute('href');
  expect(href).toBe('/files/qinglan-lvye-2023-plan.pdf');
  const pdf = await request.get(href!);
  expect(pdf.status()).toBe(200);
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  const energy = y2023.getByTestId('energy-table');
  await expect(energy).toContainText('13,400');
  await expect(energy).toContainText('13,500');
  await expect(energy.locator('[data-within="true"]')).toContainText('在平均水平以内');
  await expect(page.locator('#honours-title + ul')).toContainText('2023年节能减排竞赛先进单位');
  await expect(page.locator('#honours-title + ul')).toContainText('推荐申报示例市五一劳动奖状');
});

test('an enterprise above the industry average is marked so in words, not colour', async ({ page }) => {
  await page.goto('/enterprises/hongyuan-huagong/');
  const y2023 = page.getByTestId('enterprise-year').filter({ hasText: '2023年竞赛情况' });
  await expect(y2023.locator('[data-within="false"]')).toHaveText('✗ 高于平均水平');
});
