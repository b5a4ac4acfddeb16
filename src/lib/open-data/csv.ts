/**
 * CSV as Excel on Chinese Windows opens it without asking: UTF-8 with a byte-order mark, CRLF line
 * ends, and quotes only where a cell needs them (comma, quote, line break, or spaces at either end).
 */
export type CsvValue = string | number | null | undefined;

export const BOM = '\uFEFF';

function cell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return BOM + [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

export function csvResponse(text: string): Response {
  return new Response(new TextEncoder().encode(text), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
}
