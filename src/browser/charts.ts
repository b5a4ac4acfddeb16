/**
 * Draws the charts on the page, each as it comes near the screen, from the data embedded next to
 * it at build time. Only the bar chart parts of Chart.js are registered; this module is bundled
 * into pages that show a chart and nowhere else. The shaping happened on the server: every bar value is read from the cells
 * of the table the page already shows.
 */
import { BarController, BarElement, CategoryScale, Chart, LinearScale, type ChartDataset, type Plugin } from 'chart.js';
import { formatValue } from '../model/charts/format.ts';
import { BAR_COLOURS, GRID, INK, PAPER } from '../model/charts/palette.ts';
import type { BarStyle, ChartData, ChartRow, ValueKind } from '../model/charts/types.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale);

type Value = number | null;

/** A fill for a bar style: the colour itself, or the colour's pattern on white. */
function fillFor(style: BarStyle, colour: string): string | CanvasPattern {
  if (style === 'solid') return colour;
  const size = 8;
  const tile = document.createElement('canvas');
  tile.width = size;
  tile.height = size;
  const g = tile.getContext('2d');
  if (!g) return PAPER;
  g.fillStyle = PAPER;
  g.fillRect(0, 0, size, size);
  g.strokeStyle = colour;
  g.fillStyle = colour;
  g.lineWidth = 2;
  const line = (x1: number, y1: number, x2: number, y2: number) => {
    g.beginPath();
    g.moveTo(x1, y1);
    g.lineTo(x2, y2);
    g.stroke();
  };
  if (style === 'hatch' || style === 'cross') {
    line(0, size, size, 0);
    line(-size / 2, size / 2, size / 2, -size / 2);
    line(size / 2, size * 1.5, size * 1.5, size / 2);
  }
  if (style === 'cross') {
    line(0, 0, size, size);
    line(-size / 2, size / 2, size / 2, size * 1.5);
    line(size / 2, -size / 2, size * 1.5, size / 2);
  }
  if (style === 'dots') {
    g.beginPath();
    g.arc(size / 2, size / 2, 1.8, 0, Math.PI * 2);
    g.fill();
  }
  return g.createPattern(tile, 'repeat') ?? PAPER;
}

const numberOf = (v: unknown): Value => (typeof v === 'number' ? v : null);

function seriesValues(spec: ChartData, column: string, where?: { column: string; equals: string }): Value[] {
  return spec.rows.map((row) => (where && row.cells[where.column] !== where.equals ? null : numberOf(row.cells[column])));
}

interface Layout {
  spec: ChartData;
  kinds: ValueKind[];
  font: string;
  fontSize: number;
  /** Thickness of a horizontal bar; its row's name is written above it. */
  bar: number;
}

/** Labels that go at the end of the bar rather than inside its segments. */
const endLabelled = (spec: ChartData) => !spec.stacked || !spec.totalColumn;

/**
 * Text written on the chart itself: each row's name above its bar (horizontal charts, so long
 * Chinese names keep the full width on a phone), each value at the end of its bar or inside its
 * segment of a stack (when it fits), the total at the end of a stack, and the reason where a row
 * has no bar.
 */
function directLabels(layout: Layout): Plugin<'bar'> {
  const { spec, kinds, font, fontSize, bar } = layout;
  const pad = 4;
  return {
    id: 'directLabels',
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      const horizontal = spec.horizontal;
      const valueScale = horizontal ? chart.scales.x : chart.scales.y;
      const categoryScale = horizontal ? chart.scales.y : chart.scales.x;
      if (!valueScale || !categoryScale) return;
      ctx.save();
      ctx.font = font;
      const text = (s: string, x: number, y: number, align: CanvasTextAlign, baseline: CanvasTextBaseline = 'middle', box = false) => {
        ctx.textAlign = align;
        ctx.textBaseline = baseline;
        if (box) {
          const w = ctx.measureText(s).width;
          const left = align === 'center' ? x - w / 2 : align === 'right' ? x - w : x;
          const top = baseline === 'middle' ? y - fontSize / 2 : baseline === 'bottom' ? y - fontSize : y;
          ctx.fillStyle = PAPER;
          ctx.fillRect(left - 3, top - 1, w + 6, fontSize + 2);
        }
        ctx.fillStyle = INK;
        ctx.fillText(s, x, y);
      };
      const zero = valueScale.getPixelForValue(0);
      spec.rows.forEach((row: ChartRow, i) => {
        const at = categoryScale.getPixelForValue(i);
        if (horizontal) text(row.label, 0, at - bar / 2 - 3, 'left', 'bottom');
        const total = spec.totalColumn ? numberOf(row.cells[spec.totalColumn]) : null;
        if (spec.stacked && spec.totalColumn && total !== null) {
          const column = spec.columns.find((c) => c.key === spec.totalColumn);
          const end = valueScale.getPixelForValue(total);
          const label = `${column?.label ?? '合计'} ${formatValue(total, column?.kind ?? 'count')}`;
          if (horizontal) text(label, Math.max(end, zero) + pad, at, 'left');
          else text(label, at, end - pad, 'center', 'bottom');
        }
        const drawn = spec.bars.some((b) => numberOf(row.cells[b.column]) !== null);
        if (!drawn && row.note) {
          if (horizontal) text(row.note, zero + pad, at, 'left', 'middle', true);
          else text(row.note, at, zero - pad, 'center', 'bottom', true);
        }
      });
      chart.data.datasets.forEach((dataset, d) => {
        if (!chart.isDatasetVisible(d)) return;
        chart.getDatasetMeta(d).data.forEach((element, i) => {
          const value = dataset.data[i] as Value;
          if (value === null || value === undefined) return;
          const { x, y, base } = element.getProps(['x', 'y', 'base'], true) as { x: number; y: number; base: number };
          const label = formatValue(value, kinds[d] ?? 'count');
          const width = ctx.measureText(label).width;
          if (!endLabelled(spec)) {
            if (value === 0) return;
            const length = Math.abs(horizontal ? x - base : y - base);
            if (length < (horizontal ? width + 2 * pad : fontSize + 2 * pad)) return; // too small: the table has it
            text(label, horizontal ? (x + base) / 2 : x, horizontal ? y : (y + base) / 2, 'center', 'middle', true);
          } else if (horizontal) {
            const right = value >= 0;
            const outside = right ? x + pad : x - pad;
            const fits = right ? outside + width <= chart.width : outside - width >= 0;
            if (fits) text(label, outside, y, right ? 'left' : 'right');
            else text(label, right ? x - pad : x + pad, y, right ? 'right' : 'left', 'middle', true);
          } else {
            text(label, x, value >= 0 ? y - pad : y + pad, 'center', value >= 0 ? 'bottom' : 'top');
          }
        });
      });
      ctx.restore();
    },
  };
}

/** Axis ticks: whole numbers for counts, at most one decimal for percentages, so they fit a phone. */
const tickFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 });
const tickDecimal = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
function tick(value: number, kind: ValueKind): string {
  if (kind === 'percent') return `${tickFormat.format(value)}%`;
  return kind === 'count' ? formatValue(value, 'count') : tickDecimal.format(value);
}

/**
 * The legend is HTML above the canvas (written at build time, so it wraps on a phone and with
 * large text, and takes its room before the chart is drawn): each series' swatch is painted here
 * with the same fill and border as its bars.
 */
function paintLegend(box: HTMLElement): void {
  for (const swatch of box.querySelectorAll<HTMLCanvasElement>('canvas.chart-swatch')) {
    const style = swatch.dataset.style as BarStyle;
    const colour = BAR_COLOURS[style];
    const ratio = window.devicePixelRatio || 1;
    const { width: w, height: h } = swatch.getBoundingClientRect();
    swatch.width = Math.round(w * ratio);
    swatch.height = Math.round(h * ratio);
    const g = swatch.getContext('2d');
    if (!g || !colour) continue;
    g.scale(ratio, ratio);
    g.fillStyle = fillFor(style, colour);
    g.fillRect(0, 0, w, h);
    if (style !== 'solid') {
      g.strokeStyle = colour;
      g.lineWidth = 2;
      g.strokeRect(1, 1, w - 2, h - 2);
    }
  }
}

function draw(figure: HTMLElement): void {
  const source = figure.querySelector<HTMLScriptElement>('script[data-chart-spec]');
  const box = figure.querySelector<HTMLElement>('.chart-canvas');
  const plot = box?.querySelector<HTMLElement>('.chart-plot');
  const canvas = plot?.querySelector('canvas');
  if (!source?.textContent || !box || !plot || !canvas) return;
  const spec = JSON.parse(source.textContent) as ChartData;

  const style = getComputedStyle(box);
  const fontSize = Math.round(parseFloat(style.fontSize) || 16);
  const family = style.fontFamily;
  const font = `${fontSize}px ${family}`;
  const measure = canvas.getContext('2d');
  if (!measure) return;
  measure.font = font;
  const widthOf = (s: string) => measure.measureText(s).width;

  const kinds = spec.bars.map((b) => spec.columns.find((c) => c.key === b.column)?.kind ?? 'count');
  const axisKind = kinds[0] ?? 'count';
  const bar = Math.round(fontSize * 1.6);
  const datasets: ChartDataset<'bar', Value[]>[] = spec.bars.map((b) => {
    const colour = BAR_COLOURS[b.style];
    return {
      label: b.label,
      data: seriesValues(spec, b.column, b.where),
      backgroundColor: fillFor(b.style, colour),
      borderColor: colour,
      borderWidth: b.style === 'solid' ? 0 : 2,
      borderSkipped: false,
      skipNull: !spec.stacked,
      ...(spec.horizontal ? { barThickness: bar } : { maxBarThickness: fontSize * 3 }),
    };
  });

  // Room right of the bars for the end labels (values, totals) and left for negative ones.
  const endTexts = spec.rows.flatMap((r) => {
    const texts: string[] = [];
    if (endLabelled(spec)) spec.bars.forEach((b, d) => { const v = numberOf(r.cells[b.column]); if (v !== null) texts.push(formatValue(v, kinds[d] ?? 'count')); });
    const total = spec.totalColumn ? numberOf(r.cells[spec.totalColumn]) : null;
    const column = spec.columns.find((c) => c.key === spec.totalColumn);
    if (spec.stacked && total !== null) texts.push(`${column?.label ?? ''} ${formatValue(total, column?.kind ?? 'count')}`);
    return texts;
  });
  const room = Math.ceil(Math.max(0, ...endTexts.map(widthOf))) + 8;

  box.hidden = false;
  paintLegend(box);

  const valueAxis = {
    beginAtZero: true,
    grid: { color: GRID },
    border: { color: INK },
    ticks: {
      color: INK,
      font: { family, size: Math.round(fontSize * 0.9) },
      maxTicksLimit: 6,
      maxRotation: 0,
      precision: axisKind === 'count' ? 0 : undefined,
      callback: (v: number | string) => tick(Number(v), axisKind),
    },
    stacked: spec.stacked,
  };
  const categoryAxis = spec.horizontal
    ? { display: false, stacked: spec.stacked }
    : { grid: { display: false }, border: { color: INK }, stacked: spec.stacked, ticks: { color: INK, font: { family, size: fontSize }, autoSkip: false, maxRotation: 0 } };

  charts.get(figure)?.destroy();
  const chart = new Chart<'bar', Value[], string>(canvas, {
    type: 'bar',
    data: { labels: spec.rows.map((r) => r.label), datasets },
    options: {
      indexAxis: spec.horizontal ? 'y' : 'x',
      locale: 'zh-CN',
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      events: [],
      layout: { padding: spec.horizontal ? { right: room, left: spec.rows.some((r) => spec.bars.some((b) => (numberOf(r.cells[b.column]) ?? 0) < 0)) ? room : 0 } : { top: fontSize + 8 } },
      scales: spec.horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
    },
    plugins: [directLabels({ spec, kinds, font, fontSize, bar })],
  });

  charts.set(figure, chart);
  figure.querySelector('details')?.removeAttribute('open');
  figure.dataset.drawn = 'true';
  // For whom it was drawn last: a test prints once every chart is drawn for paper.
  figure.dataset.drawnFor = printing.matches ? 'print' : 'screen';
}

/** The charts drawn on this page, to draw again for paper. */
const charts = new Map<HTMLElement, Chart<'bar', Value[], string>>();
const printing = window.matchMedia('print');

function drawOrShowTable(figure: HTMLElement): void {
  try {
    draw(figure);
  } catch (error) {
    // The table stays open: the reader still has every figure.
    figure.dataset.failed = 'true';
    figure.querySelector<HTMLElement>('.chart-canvas')?.setAttribute('hidden', '');
    console.error(error);
  }
}

/** Lets the browser handle input and paint before the next chart: each chart is a task of its own. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Draws the charts the reader sees on arrival at once, and each of the others as it comes near
 * the screen, one chart per task. A page of leaderboards holds a dozen charts; drawn all at once
 * on load they kept the main thread busy for a quarter of a second on a mid-range phone, and
 * most of them were far below the fold. The charts on the first screen are drawn before the
 * page is first painted, so their tables never show and then jump away under the reader's eyes;
 * a later one is drawn half a screen ahead of being scrolled to, so its table folding away moves
 * only what is below it, off the screen.
 */
export function drawCharts(): void {
  // Printing (and leaving print) draws every chart again, in the type size of the medium: on paper
  // the normal size whatever the screen's reading mode, and the charts not yet scrolled to as well.
  printing.addEventListener('change', () => {
    for (const figure of document.querySelectorAll<HTMLElement>('figure[data-chart]')) drawOrShowTable(figure);
  });
  const all = [...document.querySelectorAll<HTMLElement>('figure[data-chart]:not([data-drawn])')];
  const onArrival = new Set(all.filter((f) => f.getBoundingClientRect().top < window.innerHeight));
  for (const figure of onArrival) drawOrShowTable(figure);
  const figures = all.filter((f) => !onArrival.has(f));
  const queue: HTMLElement[] = [];
  let draining = false;
  const drain = async () => {
    if (draining) return;
    draining = true;
    for (let figure = queue.shift(); figure; figure = queue.shift()) {
      drawOrShowTable(figure);
      await nextTask();
    }
    draining = false;
  };
  if (!('IntersectionObserver' in window)) {
    queue.push(...figures);
    void drain();
    return;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      const near = entries.filter((e) => e.isIntersecting).map((e) => e.target as HTMLElement);
      for (const figure of near) observer.unobserve(figure);
      // In the page's order, whatever order the observer reported them in.
      queue.push(...figures.filter((f) => near.includes(f)));
      void drain();
    },
    { rootMargin: '50% 0px' },
  );
  for (const figure of figures) observer.observe(figure);
}
