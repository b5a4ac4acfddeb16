import { TABLES, type TableDef, type TableName } from '../input/schema/tables.ts';
import { readTable } from '../input/table.ts';
import type { Problem } from '../input/problems.ts';
import { rowsToCsv, type Rows } from './csv-format.ts';
import { ROWS } from './names.ts';

/**
 * A table as the CMS holds it (rows of text cells), checked by the loader's own reading of that
 * table (src/input/table.ts: every cell against its column's schema, personal numbers, duplicate
 * keys), on the CSV exactly as a save would write it: the problems carry the file's line numbers.
 */
export type Row = Record<string, string>;

export function columnsOf(table: TableName): string[] {
  return Object.keys(TABLES[table].schema.shape);
}

export function checkRows(table: TableName, rows: readonly Row[]): Problem[] {
  const csv = rowsToCsv({ [ROWS]: [...rows] } as Rows, columnsOf(table));
  return readTable(TABLES[table] as TableDef, new TextEncoder().encode(csv)).problems;
}

/** A problem as one line of Chinese: where, what, how to fix. */
export function problemLine(p: Problem): string {
  const where = [p.line ? `第 ${p.line} 行` : '', p.field ? `“${p.field}”` : ''].filter(Boolean).join('，');
  return `${where ? `${where}：` : ''}${p.message}${p.hint ? `。改法：${p.hint}` : ''}`;
}

/** A row's key (the table's key columns), to match rows of an uploaded file with the table's. */
export const keyOf = (table: TableName, row: Row) => TABLES[table].key.map((k) => (row[k] ?? '').trim()).join('\u0000');

export interface CellChange {
  line: number;
  column: string;
  before: string;
  after: string;
}

export interface TableDiff {
  changed: CellChange[];
  added: Row[];
  removed: Row[];
}

/**
 * What an uploaded table changes: cells of rows with the same key, rows only in the upload, rows
 * only in the table (line numbers: the upload's file for changes, as the editor sees it in Excel).
 */
export function diffRows(table: TableName, before: readonly Row[], after: readonly Row[]): TableDiff {
  const columns = columnsOf(table);
  const old = new Map(before.map((r) => [keyOf(table, r), r]));
  const seen = new Set<string>();
  const changed: CellChange[] = [];
  const added: Row[] = [];
  after.forEach((row, i) => {
    const key = keyOf(table, row);
    const was = old.get(key);
    seen.add(key);
    if (!was) return void added.push(row);
    for (const c of columns) {
      if ((was[c] ?? '') !== (row[c] ?? '')) changed.push({ line: i + 2, column: c, before: was[c] ?? '', after: row[c] ?? '' });
    }
  });
  return { changed, added, removed: before.filter((r) => !seen.has(keyOf(table, r))) };
}
