import fs from 'node:fs';
import { expect, type Page } from '@playwright/test';

/** The line of the demo's data/<file> starting with `start`: the table view numbers its rows by the file's lines. */
export function lineOf(file: string, start: string): number {
  const line = fs.readFileSync(`examples/demo/data/${file}`, 'utf8').split('\n').findIndex((l) => l.startsWith(start)) + 1;
  expect(line, `${file}: ${start}`).toBeGreaterThan(1);
  return line;
}

/** A cell of a table in /admin/: the table view numbers its rows by the CSV file's lines. */
export const tableCell = (page: Page, line: number, label: string) => page.getByLabel(`第 ${line} 行 ${label}`, { exact: true });

/**
 * Opens the table `name` in /admin/ and waits until its checks are in: they come in a chunk loaded
 * with the first table, and a save before them is refused with "正在载入这张表的检查规则" (on a busy
 * machine that takes seconds).
 */
export async function openTable(page: Page, name: string): Promise<void> {
  await page.goto(`/admin/#/collections/${name}/entries/${name}`);
  // The table's control is drawn (with the loading note, while the checks are not in yet)…
  await expect(page.getByRole('searchbox', { name: '查找（名称、编号或任何一格的文字）' })).toBeVisible({ timeout: 30_000 });
  // …and the note is gone.
  await expect(page.getByRole('status').filter({ hasText: '正在载入这张表的检查规则' })).toHaveCount(0, { timeout: 30_000 });
}
