import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { BAR_COLOURS } from '../../../src/model/charts/palette.ts';
import type { ChartData } from '../../../src/model/charts/types.ts';

/** What a drawn chart holds, read in the browser: its embedded data, its table, its canvas pixels. */
export interface DrawnChart {
  spec: ChartData;
  drawn: boolean;
  tableOpen: boolean;
  header: string[];
  rows: { key: string; label: string; cells: { column: string; value: string | null; text: string }[] }[];
  csvHref: string;
  canvas: { width: number; height: number; painted: number; colours: Record<string, number> };
}

export async function readChart(figure: Locator): Promise<DrawnChart> {
  return figure.evaluate((fig, colours) => {
    const spec = JSON.parse(fig.querySelector('script[data-chart-spec]')?.textContent ?? 'null');
    const canvas = fig.querySelector<HTMLCanvasElement>('.chart-plot canvas')!;
    const ctx = canvas.getContext('2d')!;
    const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    const wanted = Object.fromEntries(
      Object.entries(colours).map(([style, hex]) => [style, [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16))]),
    );
    const counts: Record<string, number> = Object.fromEntries(Object.keys(colours).map((k) => [k, 0]));
    let painted = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      if (pixels[i + 3]! === 0) continue;
      painted++;
      for (const [style, [r, g, b]] of Object.entries(wanted) as [string, number[]][]) {
        if (Math.abs(pixels[i]! - r!) < 8 && Math.abs(pixels[i + 1]! - g!) < 8 && Math.abs(pixels[i + 2]! - b!) < 8) counts[style]!++;
      }
    }
    const table = fig.querySelector('table')!;
    return {
      spec,
      drawn: fig.getAttribute('data-drawn') === 'true',
      tableOpen: fig.querySelector('details')?.open ?? false,
      header: [...table.querySelectorAll('thead th')].map((th) => th.textContent?.trim() ?? ''),
      rows: [...table.querySelectorAll('tbody tr')].map((tr) => ({
        key: tr.getAttribute('data-key') ?? '',
        label: tr.querySelector('th')?.textContent?.trim() ?? '',
        cells: [...tr.querySelectorAll('td')].map((td) => ({
          column: td.getAttribute('data-column') ?? '',
          value: td.getAttribute('data-value'),
          text: td.textContent?.trim() ?? '',
        })),
      })),
      csvHref: fig.querySelector<HTMLAnchorElement>('[data-testid="chart-csv"]')?.getAttribute('href') ?? '',
      canvas: { width: canvas.width, height: canvas.height, painted, colours: counts },
    };
  }, BAR_COLOURS);
}

/**
 * The checks every chart passes: it painted (in the colours of its series), its table holds exactly
 * the numbers the chart was drawn from, and its CSV download parses back to the table.
 */
export async function checkChart(request: APIRequestContext, figure: Locator, base = ''): Promise<DrawnChart> {
  // A chart is drawn as it comes near the screen, as the reader scrolls to it.
  await figure.scrollIntoViewIfNeeded();
  await expect(figure).toHaveAttribute('data-drawn', 'true');
  const chart = await readChart(figure);
  const { spec } = chart;
  const where = spec.title;

  // Painted: not blank, and each series' colour is on the canvas.
  expect(chart.canvas.width, where).toBeGreaterThan(0);
  expect(chart.canvas.painted / (chart.canvas.width * chart.canvas.height), where).toBeGreaterThan(0.01);
  const drawnStyles = new Set(
    spec.bars.filter((b) => spec.rows.some((r) => typeof r.cells[b.column] === 'number' && r.cells[b.column] !== 0)).map((b) => b.style),
  );
  for (const style of drawnStyles) expect(chart.canvas.colours[style], `${where}: ${style} bars`).toBeGreaterThan(20);
  expect(chart.tableOpen, `${where}: the table folds away once the chart is drawn`).toBe(false);

  // The table holds the chart's numbers, row by row, column by column.
  expect(chart.rows.map((r) => r.key), where).toEqual(spec.rows.map((r) => r.key));
  expect(chart.rows.map((r) => r.label), where).toEqual(spec.rows.map((r) => r.label));
  for (const [i, row] of chart.rows.entries()) {
    const source = spec.rows[i]!;
    expect(row.cells.map((c) => c.column), where).toEqual(spec.columns.map((c) => c.key));
    for (const cell of row.cells) {
      const value = source.cells[cell.column] ?? null;
      if (typeof value === 'number') expect(Number(cell.value), `${where}: ${row.label} ${cell.column}`).toBe(value);
      else if (typeof value === 'string') expect(cell.text).toBe(value);
      else expect(cell.value).toBeNull();
    }
  }

  // The CSV: UTF-8 with BOM, and the same rows.
  const response = await request.get(base + chart.csvHref);
  expect(response.status(), chart.csvHref).toBe(200);
  const bytes = await response.body();
  expect([...bytes.subarray(0, 3)], `${chart.csvHref} starts with a BOM`).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...rows] = Papa.parse<string[]>(bytes.subarray(3).toString('utf8'), { skipEmptyLines: true }).data;
  expect(header?.slice(0, chart.header.length), chart.csvHref).toEqual(chart.header);
  expect(rows.map((r) => r[0]), chart.csvHref).toEqual(chart.rows.map((r) => r.label));
  for (const [i, row] of chart.rows.entries()) {
    row.cells.forEach((cell, j) => {
      const csv = rows[i]![j + 1] ?? '';
      if (cell.value !== null) expect(Number(csv), `${chart.csvHref}: ${row.label} ${cell.column}`).toBe(Number(cell.value));
      else if (typeof spec.rows[i]!.cells[cell.column] === 'string') expect(csv).toBe(cell.text);
      else expect(csv).toBe('');
    });
  }
  return chart;
}

/** Console errors and page errors, CSP violations included (Chromium reports them to the console). */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}
