import Papa from 'papaparse';
import { ROWS } from './names.ts';

/**
 * A data/ table as one list of rows, for Sveltia CMS's custom file formats. The repository's
 * convention (EDITING.md): UTF-8 without BOM, LF line ends, the schema's columns in its order; the
 * loader also reads what Excel saves (BOM, CRLF, GBK), so a file may go back and forth. Every cell
 * stays text: a number is written back exactly as it was typed.
 */
export type Rows = { [ROWS]: Record<string, string>[] };

export function csvToRows(text: string, columns: readonly string[]): Rows {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' });
  const rows = parsed.data.map((row) => Object.fromEntries(columns.map((c) => [c, row[c] ?? ''])));
  return { [ROWS]: rows };
}

const cell = (value: unknown) => (value === undefined || value === null ? '' : String(value));

export function rowsToCsv(data: Partial<Rows> | undefined, columns: readonly string[]): string {
  const rows = (data?.[ROWS] ?? []).map((row) => columns.map((c) => cell((row as Record<string, unknown>)[c])));
  // One line end after the last row (an empty table is its header line alone).
  return `${Papa.unparse({ fields: [...columns], data: rows }, { newline: '\n' }).replace(/\n+$/, '')}\n`;
}
