import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Types `value` into a field of the CMS's editor and waits until the CMS counts it as a change
 * (保存 enabled). A form still being set up on a busy machine can replace what was typed with the
 * entry's own value; the change is then typed again, as an editor would.
 */
export async function change(page: Page, field: Locator, value: string): Promise<void> {
  await expect(async () => {
    await field.fill(value);
    await expect(field).toHaveValue(value, { timeout: 1_000 });
    await expect(page.getByRole('button', { name: '保存', exact: true })).toBeEnabled({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
}
