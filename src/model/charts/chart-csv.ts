import { toCsv } from '../open-data/csv-file.ts';
import { columnHeader } from './format.ts';
import type { ChartData } from './types.ts';

export const NOTE_HEADER = '说明';

/**
 * A chart's data as the reader downloads it: its table's rows (no totals row, so sums in Excel stay
 * right), numbers unformatted, and the reason for any missing value in a last 说明 column.
 */
export function chartCsv(chart: ChartData): string {
  const withNotes = chart.rows.some((r) => r.note);
  const header = [chart.head, ...chart.columns.map(columnHeader), ...(withNotes ? [NOTE_HEADER] : [])];
  const rows = chart.rows.map((r) => [r.label, ...chart.columns.map((c) => r.cells[c.key]), ...(withNotes ? [r.note ?? ''] : [])]);
  return toCsv(header, rows);
}
