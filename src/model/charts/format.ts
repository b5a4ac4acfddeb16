import type { Cell, ChartColumn, ValueKind } from './types.ts';

/**
 * Writes chart values the same way in the table (built on the server) and on the canvas (drawn in
 * the browser): plain functions, no Node imports, so the page script can bundle them.
 */
const counts = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
const decimals = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 3 });
const percents = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function formatValue(value: number, kind: ValueKind): string {
  switch (kind) {
    case 'count':
      return counts.format(value);
    case 'percent':
      return `${percents.format(value)}%`;
    default:
      return decimals.format(value);
  }
}

/** A table cell as text; an empty cell shows the row's note (e.g. 无上年数据) or a dash. */
export function formatCell(value: Cell, column: ChartColumn, note?: string): string {
  if (value === null || value === '') return note ?? '—';
  if (typeof value === 'string') return value;
  return formatValue(value, column.kind);
}

/** "名额（家）", "节能率（%）": the header as shown in the table and written in the CSV. */
export function columnHeader(column: ChartColumn): string {
  return column.unit ? `${column.label}（${column.unit}）` : column.label;
}

/** Percentages are kept to two decimals everywhere (table, CSV, canvas, ranking), so they always agree. */
export function roundPercent(fraction: number): number {
  return Math.round(fraction * 10000) / 100 || 0; // never -0
}

/** A short stable ASCII name for Chinese text (a sector, a pollutant), for file names and URLs. */
export function slugOf(text: string): string {
  let hash = 0x811c9dc5; // FNV-1a, 32 bits
  for (const ch of text) {
    hash ^= ch.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}
