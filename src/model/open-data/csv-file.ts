/**
 * CSV as Excel on Chinese Windows opens it without asking: UTF-8 with a byte-order mark, CRLF line
 * ends, and quotes only where a cell needs them (comma, quote, line break, or spaces at either end).
 */
export type CsvValue = string | number | null | undefined;

export const BOM = '\uFEFF';

/** What a spreadsheet runs as a formula when it starts a cell (OWASP, CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell that a spreadsheet would run as a formula (=HYPERLINK(…), +cmd|…, @SUM(…)) gets a
 * leading apostrophe and quotes, as OWASP advises: Excel then shows it as the text it is. Numbers
 * arrive as numbers and are written as they are, negative ones included; the JSON keeps the value.
 */
function cell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (FORMULA_START.test(value)) return `"'${value.replace(/"/g, '""')}"`;
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return BOM + [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

export function csvResponse(text: string): Response {
  return new Response(new TextEncoder().encode(text), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
}
