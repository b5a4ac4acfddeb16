import { decodeCsv } from '../../input/csv-parse.ts';
import { csvToRows } from '../csv-format.ts';
import { ROWS } from '../names.ts';
import type { Row } from '../table-check.ts';

/**
 * A table an editor kept in Excel or WPS and uploads: a .csv (UTF-8 with or without BOM, or GBK, as
 * the loader reads it) or an .xlsx (its first sheet, read by read-excel-file, loaded only now).
 * The first row holds the column names, as in the repository's CSV.
 */
export async function readSpreadsheet(file: File, columns: readonly string[]): Promise<{ rows: Row[] } | { problem: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (/\.csv$/i.test(file.name)) {
    const decoded = decodeCsv(bytes, file.name);
    if ('problem' in decoded) return { problem: decoded.problem.message };
    return { rows: csvToRows(decoded.text, columns)[ROWS] };
  }
  if (/\.xlsx$/i.test(file.name)) {
    const { readSheet } = await import('read-excel-file/universal');
    const [header = [], ...data] = await readSheet(file);
    const names = header.map((h) => String(h ?? '').trim());
    const missing = columns.filter((c) => !names.includes(c));
    if (missing.length > 0) return { problem: `第一个工作表的第 1 行缺少列名：${missing.join('、')}（列名要和仓库里的表一致，用英文）` };
    return {
      rows: data
        .filter((row) => row.some((v) => v !== null && String(v).trim() !== ''))
        .map((row) => Object.fromEntries(columns.map((c) => [c, cellText(row[names.indexOf(c)])]))),
    };
  }
  return { problem: '只能导入 .xlsx 或 .csv 文件（在 Excel、WPS 中“另存为”这两种格式之一）' };
}

/** A spreadsheet cell as the CSV's text: a date as YYYY-MM-DD, a number as written, nothing as empty. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}
