import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { awardDistributionChart } from '../../../src/model/charts/awards.ts';
import { chartCsv, NOTE_HEADER } from '../../../src/model/charts/chart-csv.ts';
import {
  enterpriseEnergyCharts,
  leaderboardChart,
  leaderboards,
  NO_PREVIOUS,
  reductionRates,
  savingRates,
} from '../../../src/model/charts/energy.ts';
import { columnHeader, formatCell, formatValue, roundPercent, slugOf } from '../../../src/model/charts/format.ts';
import { BAR_COLOURS, contrast, INK, PAPER } from '../../../src/model/charts/palette.ts';
import { quotaChart, quotaSplitChart, registrationChart } from '../../../src/model/charts/quota.ts';
import { allCharts, isDrawable } from '../../../src/model/charts/registry.ts';
import type { ChartData } from '../../../src/model/charts/types.ts';
import { yearView } from '../../../src/model/campaign.ts';
import { diskRoot } from '../../../src/input/disk-root.ts';
import { readPortalData, type PortalData } from '../../../src/input/read.ts';
import { siteModel } from '../../../src/model/site.ts';

const demo = readPortalData(diskRoot('examples/demo'));
const real = readPortalData(diskRoot('.'));
const now = new Date('2025-01-01T00:00:00Z');

/** The demo with some rows replaced, for cases the demo does not have. */
function patched(patch: Partial<PortalData>): PortalData {
  return { ...demo.data, ...patch };
}
const at = <T extends object>(rows: T[]) => rows.map((r, i) => ({ ...r, line: i + 2 }));

const column = (chart: ChartData, key: string) => chart.rows.map((r) => r.cells[key]);

describe('the data the charts are made from', () => {
  it('is valid in both content roots', () => {
    expect(demo.problems).toEqual([]);
    expect(real.problems).toEqual([]);
  });
});

describe('quota charts', () => {
  const view = yearView(real.data, 2019);

  it('draw each zone’s quota from zones.csv, split by kind, with the total', () => {
    const chart = quotaChart(view);
    expect(chart.rows.map((r) => r.key)).toEqual(real.data.zones.map((z) => z.id));
    expect(column(chart, 'quota')).toEqual(real.data.zones.map((z) => z.quota));
    expect(chart.footer?.cells.quota).toBe(67);
    expect(chart.rows.find((r) => r.key === 'jianshe')?.cells.kind).toBe('产业工会');
    expect(chart.bars.map((b) => [b.style, b.where?.equals])).toEqual([
      ['solid', '县市区'],
      ['hatch', '产业工会'],
    ]);
  });

  it('split the 80 enterprises between counties/districts, industry unions and 市直', () => {
    const chart = quotaSplitChart(view);
    expect(column(chart, 'count')).toEqual([62, 5, 13]);
    expect(chart.footer?.cells.count).toBe(80);
    expect(column(chart, 'share')).toEqual([77.5, 6.25, 16.25]);
  });

  it('show registration against quota per zone', () => {
    const chart = registrationChart(yearView(demo.data, 2024));
    const beihu = chart.rows.find((r) => r.key === 'beihu');
    expect(beihu?.cells).toEqual({ quota: 1, reported: 0, pending: 1, progress: 0 });
    const jiaotong = chart.rows.find((r) => r.key === 'jiaotong');
    expect(jiaotong?.cells).toEqual({ quota: 2, reported: 1, pending: 1, progress: 50 });
    expect(chart.footer?.cells).toMatchObject({ quota: 11, reported: 9, pending: 2 });
    expect(chart.totalColumn).toBe('quota');
  });
});

describe('energy against the city industry average', () => {
  it('takes every year of the enterprise’s indicator from energy.csv', () => {
    const [chart, ...more] = enterpriseEnergyCharts(siteModel(demo.data, now), 'qinglan-lvye');
    expect(more).toEqual([]);
    expect(chart?.rows.map((r) => [r.label, r.cells.value, r.cells.industry_average])).toEqual([
      ['2023年', 13400, 13500],
      ['2024年', 12596, 13230],
    ]);
    expect(chart?.columns[0]?.unit).toBe('kWh/t');
    expect(chart?.rows[0]?.cells.gap).toBe(-0.74);
  });

  it('is empty for an enterprise without figures, and refuses an unknown id', () => {
    const site = siteModel(real.data, now);
    expect(enterpriseEnergyCharts(site, 'zhonglv-zhongzhou')).toEqual([]);
    expect(() => enterpriseEnergyCharts(site, 'no-such')).toThrow('no-such');
  });

  it('gives an enterprise one chart per indicator', () => {
    const data = patched({
      energy: at([
        { year: 2023, enterprise: 'qinglan-lvye', indicator: '甲', unit: 't', value: 2, industry_average: 2 },
        { year: 2023, enterprise: 'qinglan-lvye', indicator: '乙', unit: 't', value: 3, industry_average: 2 },
      ]),
    });
    const charts = enterpriseEnergyCharts(siteModel(data, now), 'qinglan-lvye');
    expect(charts.map((c) => c.title)).toEqual(['青岚铝业有限公司甲与全市同行业平均水平', '青岚铝业有限公司乙与全市同行业平均水平']);
    expect(new Set(charts.map((c) => c.slug)).size).toBe(2);
  });
});

describe('energy-saving rate and emission reduction', () => {
  it('is (last year − this year) ÷ last year, for the same enterprise and indicator', () => {
    const rates = savingRates(demo.data, 2024);
    const qinglan = rates.find((c) => c.enterprise.id === 'qinglan-lvye');
    expect(qinglan).toMatchObject({ previous: 13400, current: 12596, rate: 6 });
    const hongyuan = rates.find((c) => c.enterprise.id === 'hongyuan-huagong');
    expect(hongyuan?.rate).toBe(-2); // (920 − 938.4) ÷ 920: consumption rose
  });

  it('lists an enterprise without last year’s figure as 无上年数据, never as 0', () => {
    const lvye = savingRates(demo.data, 2024).find((c) => c.enterprise.id === 'lvye-zhiye');
    expect(lvye).toMatchObject({ previous: null, rate: null, reason: NO_PREVIOUS });
    expect(savingRates(demo.data, 2023).every((c) => c.rate === null && c.reason === NO_PREVIOUS)).toBe(true);
  });

  it('does not compare across a change of unit or from a zero', () => {
    const data = patched({
      energy: at([
        { year: 2023, enterprise: 'qinglan-lvye', indicator: '甲', unit: 'kWh/t', value: 10, industry_average: 1 },
        { year: 2024, enterprise: 'qinglan-lvye', indicator: '甲', unit: 'kgce/t', value: 9, industry_average: 1 },
        { year: 2023, enterprise: 'taifeng-gangtie', indicator: '乙', unit: 't', value: 0, industry_average: 1 },
        { year: 2024, enterprise: 'taifeng-gangtie', indicator: '乙', unit: 't', value: 1, industry_average: 1 },
      ]),
    });
    const [unitChanged, fromZero] = savingRates(data, 2024);
    expect(unitChanged).toMatchObject({ rate: null, reason: '上年单位为kWh/t，无法比较' });
    expect(fromZero).toMatchObject({ rate: null, reason: '上年数值为0，无法计算' });
  });

  it('is computed per pollutant, never summed across pollutants', () => {
    const qinglan = reductionRates(demo.data, 2024).filter((c) => c.enterprise.id === 'qinglan-lvye');
    expect(qinglan.map((c) => [c.subject, c.previous, c.current, c.rate])).toEqual([
      ['二氧化硫', 61, 59.2, roundPercent((61 - 59.2) / 61)],
      ['氮氧化物', 49, 47.5, roundPercent((49 - 47.5) / 49)],
    ]);
  });
});

describe('leaderboards', () => {
  it('exist per sector: energy first, then each pollutant', () => {
    const boards = leaderboards(demo.data, 2024).filter((b) => b.sector === '冶金建材');
    expect(boards).toEqual([
      { year: 2024, sector: '冶金建材', metric: 'energy' },
      { year: 2024, sector: '冶金建材', metric: 'emission', pollutant: '氮氧化物' },
      { year: 2024, sector: '冶金建材', metric: 'emission', pollutant: '二氧化硫' },
    ]);
  });

  it('rank highest rate first and put the unranked last with their reason', () => {
    const chart = leaderboardChart(demo.data, { year: 2024, sector: '能源化工', metric: 'energy' });
    expect(chart.rows.map((r) => [r.key, r.cells.rank, r.cells.rate, r.note])).toEqual([
      ['xishan-meitan', 1, 2.68, undefined],
      ['mingshan-dianli', 2, -1.99, undefined],
      ['hongyuan-huagong', 3, -2, undefined],
      ['lvye-zhiye', null, null, NO_PREVIOUS],
    ]);
    expect(formatCell(null, chart.columns.find((c) => c.key === 'rate')!, NO_PREVIOUS)).toBe(NO_PREVIOUS);
  });

  it('give equal rates the same place', () => {
    const data = patched({
      energy: at([
        ...['qinglan-lvye', 'jinhe-shuini', 'taifeng-gangtie'].flatMap((enterprise, i) => [
          { year: 2023, enterprise, indicator: '甲', unit: 't', value: 100, industry_average: 100 },
          { year: 2024, enterprise, indicator: '甲', unit: 't', value: i === 2 ? 95 : 90, industry_average: 100 },
        ]),
      ]),
    });
    const chart = leaderboardChart(data, { year: 2024, sector: '冶金建材', metric: 'energy' });
    expect(column(chart, 'rank')).toEqual([1, 1, 3]);
  });

  it('have no bar to draw when nobody has last year’s figures', () => {
    const [first] = leaderboards(demo.data, 2023);
    expect(first).toBeDefined();
    expect(isDrawable(leaderboardChart(demo.data, first!))).toBe(false);
  });
});

describe('award distribution', () => {
  it('counts each award in its recipient’s zone (teams and workers through their enterprise)', () => {
    const chart = awardDistributionChart(siteModel(demo.data, now), 2023);
    const row = (key: string) => chart.rows.find((r) => r.key === key)?.cells;
    // unit: qinglan-lvye (市直), taifeng-gangtie (西山), yuntong-gongjiao (交通); team: qinglan, hongyuan (市直), taifeng (西山);
    // individual: zhang-mingyuan (qinglan, 市直), li-xiulan (hongyuan, 市直), wang-jianguo (taifeng, 西山)
    expect(row('city')).toEqual({ unit: 1, team: 2, individual: 2, total: 5 });
    expect(row('xishan')).toEqual({ unit: 1, team: 1, individual: 1, total: 3 });
    expect(row('jiaotong')).toEqual({ unit: 1, team: 0, individual: 0, total: 1 });
    // huaxin-boli (西山) was withdrawn after the 公示: it is not counted.
    expect(chart.footer?.cells.total).toBe(demo.data.awards.filter((a) => a.year === 2023 && !a.withdrawn).length);
    expect(chart.bars.map((b) => b.style)).toEqual(['solid', 'hatch', 'dots']);
  });
});

describe('every chart', () => {
  const charts = allCharts(siteModel(demo.data, now));

  it('has its own file name and something to draw', () => {
    expect(new Set(charts.map((c) => c.slug)).size).toBe(charts.length);
    for (const c of charts) {
      expect(c.slug).toMatch(/^[a-z0-9-]+$/);
      expect(isDrawable(c)).toBe(true);
    }
    const kinds = new Set(charts.map((c) => c.slug.replace(/-.*/, '')));
    expect([...kinds].sort()).toEqual(['awards', 'energy', 'leaderboard', 'quota', 'registration']);
  });

  it('draws only numbers its table holds, from columns the table has', () => {
    for (const c of charts) {
      for (const b of c.bars) {
        expect(c.columns.map((col) => col.key)).toContain(b.column);
        for (const r of c.rows) expect(['number', 'object']).toContain(typeof (r.cells[b.column] ?? null));
      }
    }
  });

  it('downloads as CSV that parses back to its table', () => {
    for (const c of charts) {
      const csv = chartCsv(c);
      expect(csv.startsWith('\uFEFF')).toBe(true);
      expect(csv).toContain('\r\n');
      const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
      const notes = c.rows.some((r) => r.note);
      expect(parsed[0]).toEqual([c.head, ...c.columns.map(columnHeader), ...(notes ? [NOTE_HEADER] : [])]);
      expect(parsed.slice(1)).toEqual(
        c.rows.map((r) => [r.label, ...c.columns.map((col) => String(r.cells[col.key] ?? '')), ...(notes ? [r.note ?? ''] : [])]),
      );
    }
  });

  it('has none in the real campaign for tables still empty', () => {
    const slugs = allCharts(siteModel(real.data, now)).map((c) => c.slug);
    expect(slugs).toEqual(['quota-2019', 'quota-split-2019', 'registration-2019']);
  });
});

describe('colours and numbers', () => {
  it('every bar colour stands out from the page by at least 3:1, and labels by 4.5:1', () => {
    for (const colour of Object.values(BAR_COLOURS)) expect(contrast(colour, PAPER)).toBeGreaterThanOrEqual(3);
    expect(contrast(INK, PAPER)).toBeGreaterThanOrEqual(4.5);
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21);
  });

  it('every style has a different colour', () => {
    expect(new Set(Object.values(BAR_COLOURS)).size).toBe(Object.keys(BAR_COLOURS).length);
  });

  it('formats figures the Chinese way', () => {
    expect(formatValue(13400, 'decimal')).toBe('13,400');
    expect(formatValue(0.196, 'decimal')).toBe('0.196');
    expect(formatValue(6, 'percent')).toBe('6.00%');
    expect(formatValue(-1.99, 'percent')).toBe('-1.99%');
    expect(roundPercent(-0.00001)).toBe(0);
    expect(Object.is(roundPercent(-0.00001), -0)).toBe(false);
  });

  it('names Chinese text with a short stable ASCII slug', () => {
    expect(slugOf('冶金建材')).toMatch(/^[a-z0-9]+$/);
    expect(slugOf('冶金建材')).toBe(slugOf('冶金建材'));
    expect(slugOf('冶金建材')).not.toBe(slugOf('能源化工'));
  });
});
