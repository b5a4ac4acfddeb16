/**
 * One chart as data: a table (the source of truth) and the bars drawn from it. The page renders the
 * table, the CSV download is the table, and the canvas takes every bar value from the table's cells,
 * so the three can never disagree.
 */

/** How a cell is written: counts and measured values with the zh-CN grouping, percentages with two decimals. */
export type ValueKind = 'count' | 'decimal' | 'percent' | 'text';

export interface ChartColumn {
  key: string;
  /** Column header in Chinese, without the unit. */
  label: string;
  /** Shown in the header after the label, e.g. 家, kWh/t, %. */
  unit?: string;
  kind: ValueKind;
}

export type Cell = number | string | null;

export interface ChartRow {
  /** Stable ASCII key (zone id, enterprise id…). */
  key: string;
  /** The row header: what the bar stands for. */
  label: string;
  href?: string;
  cells: Record<string, Cell>;
  /** Shown instead of an empty value, and written beside the bar's place on the canvas (e.g. 无上年数据). */
  note?: string;
}

/** Bar styles: each has a colour AND a fill pattern, so no series depends on colour alone. */
export type BarStyle = 'solid' | 'hatch' | 'dots' | 'cross' | 'outline';

export interface ChartBars {
  /** Which numeric column the bar's length comes from. */
  column: string;
  /** Legend label. */
  label: string;
  style: BarStyle;
  /** Only rows whose cell in `column` equals `equals` get a bar in this series (e.g. quota split by zone kind). */
  where?: { column: string; equals: string };
}

export interface ChartData {
  /** ASCII file name of its CSV under /data/charts/, without extension. */
  slug: string;
  /** Caption of the figure and of the table; also the downloaded file's Chinese name. */
  title: string;
  /** Header of the first column (the row headers). */
  head: string;
  columns: ChartColumn[];
  rows: ChartRow[];
  /** Totals row: in the table and the CSV, never drawn. */
  footer?: ChartRow;
  bars: ChartBars[];
  stacked: boolean;
  horizontal: boolean;
  /** Column whose value is written at the end of each stacked bar (e.g. the quota at the end of "reported + pending"). */
  totalColumn?: string;
  /** What a reader needs to read the figures right (definitions, what is left out). */
  notes: string[];
}
