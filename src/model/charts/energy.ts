import type { PortalData } from '../../input/read.ts';
import type { Site } from '../site.ts';
import type { Row } from '../../input/schema/tables.ts';
import { urls } from '../urls.ts';
import { roundPercent, slugOf } from './format.ts';
import type { ChartData, ChartRow } from './types.ts';

type Data = Pick<PortalData, 'enterprises' | 'energy' | 'emissions'>;
type Enterprise = Row<'enterprises'>;

/** Rows without a sector are grouped under this name. */
export const NO_SECTOR = '行业未填写';
export const NO_PREVIOUS = '无上年数据';

const collator = new Intl.Collator('zh-CN');

/**
 * One enterprise's energy figure against the city industry average, year by year: one chart per
 * indicator (and unit) it has reported.
 */
export function enterpriseEnergyCharts(site: Pick<Site, 'enterpriseById' | 'enterpriseRows'>, enterpriseId: string): ChartData[] {
  const enterprise = site.enterpriseById.get(enterpriseId);
  if (!enterprise) throw new Error(`能耗图表：企业编号“${enterpriseId}”在 enterprises.csv 中不存在`);
  const groups = new Map<string, Row<'energy'>[]>();
  for (const row of site.enterpriseRows.energy.get(enterpriseId) ?? []) {
    const key = `${row.indicator}\u0000${row.unit}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()].map((rows) => {
    const { indicator, unit } = rows[0]!;
    const sorted = [...rows].sort((a, b) => a.year - b.year);
    return {
      slug: `energy-${enterpriseId}-${slugOf(`${indicator}/${unit}`)}`,
      title: `${enterprise.name}${indicator}与全市同行业平均水平`,
      head: '年度',
      columns: [
        { key: 'value', label: '本企业', unit, kind: 'decimal' },
        { key: 'industry_average', label: '全市同行业平均', unit, kind: 'decimal' },
        { key: 'gap', label: '比平均水平高（负数为低）', unit: '%', kind: 'percent' },
      ],
      rows: sorted.map((r) => ({
        key: String(r.year),
        label: `${r.year}年`,
        cells: {
          value: r.value,
          industry_average: r.industry_average,
          gap: r.industry_average !== 0 ? roundPercent((r.value - r.industry_average) / r.industry_average) : null,
        },
      })),
      bars: [
        { column: 'value', label: '本企业', style: 'solid' },
        { column: 'industry_average', label: '全市同行业平均', style: 'hatch' },
      ],
      stacked: false,
      horizontal: false,
      notes: [`${indicator}，单位 ${unit}。数值越低，能耗越低；竞赛要求控制在全市同行业平均水平以内。`],
    };
  });
}

/** One enterprise's change in one indicator (energy) or one pollutant (emissions) against the year before. */
export interface Change {
  enterprise: Enterprise;
  /** The indicator or the pollutant. */
  subject: string;
  unit: string;
  previous: number | null;
  current: number;
  /** (previous − current) / previous in percent, two decimals; null when it cannot be computed. */
  rate: number | null;
  /** Why there is no rate. */
  reason?: string;
}

interface Figure {
  year: number;
  enterprise: string;
  subject: string;
  unit: string;
  value: number;
}

function changes(data: Data, figures: Figure[], year: number): Change[] {
  const enterprises = new Map(data.enterprises.map((e) => [e.id, e]));
  const previous = new Map(figures.filter((f) => f.year === year - 1).map((f) => [`${f.enterprise}\u0000${f.subject}`, f]));
  return figures
    .filter((f) => f.year === year)
    .flatMap((f): Change[] => {
      const enterprise = enterprises.get(f.enterprise);
      if (!enterprise) return [];
      const before = previous.get(`${f.enterprise}\u0000${f.subject}`);
      const base = { enterprise, subject: f.subject, unit: f.unit, current: f.value };
      if (!before) return [{ ...base, previous: null, rate: null, reason: NO_PREVIOUS }];
      if (before.unit !== f.unit) return [{ ...base, previous: null, rate: null, reason: `上年单位为${before.unit}，无法比较` }];
      if (before.value === 0) return [{ ...base, previous: 0, rate: null, reason: '上年数值为0，无法计算' }];
      return [{ ...base, previous: before.value, rate: roundPercent((before.value - f.value) / before.value) }];
    });
}

/** Energy-saving rate of each enterprise and indicator: (last year − this year) / last year. */
export function savingRates(data: Data, year: number): Change[] {
  return changes(data, data.energy.map((r) => ({ ...r, subject: r.indicator })), year);
}

/**
 * Emission reduction of each enterprise and pollutant: (last year − this year) / last year. Each
 * pollutant is ranked on its own: tonnes of sulphur dioxide and of nitrogen oxides are different
 * harms under different targets, and a sum would let the larger one hide the other.
 */
export function reductionRates(data: Data, year: number): Change[] {
  return changes(data, data.emissions.map((r) => ({ ...r, subject: r.pollutant })), year);
}

export type Metric = 'energy' | 'emission';

export interface Leaderboard {
  year: number;
  sector: string;
  metric: Metric;
  /** The pollutant, for emission leaderboards. */
  pollutant?: string;
}

const sectorOf = (e: Enterprise) => e.sector ?? NO_SECTOR;

/** Every leaderboard a year has data for: per sector, energy first, then one per pollutant. */
export function leaderboards(data: Data, year: number): Leaderboard[] {
  const saving = savingRates(data, year);
  const reduction = reductionRates(data, year);
  const sectors = [...new Set([...saving, ...reduction].map((c) => sectorOf(c.enterprise)))].sort(sectorOrder);
  return sectors.flatMap((sector) => {
    const pollutants = [...new Set(reduction.filter((c) => sectorOf(c.enterprise) === sector).map((c) => c.subject))].sort(collator.compare);
    return [
      ...(saving.some((c) => sectorOf(c.enterprise) === sector) ? [{ year, sector, metric: 'energy' as const }] : []),
      ...pollutants.map((pollutant) => ({ year, sector, metric: 'emission' as const, pollutant })),
    ];
  });
}

function sectorOrder(a: string, b: string): number {
  if (a === NO_SECTOR) return 1;
  if (b === NO_SECTOR) return -1;
  return collator.compare(a, b);
}

/** Sectors that have any energy or emission figure in the year, in Chinese order. */
export function leaderboardSectors(data: Data, year: number): string[] {
  return [...new Set(leaderboards(data, year).map((l) => l.sector))];
}

/**
 * One leaderboard as a chart: ranked by rate, highest first, equal rates sharing a place (1, 1, 3);
 * enterprises whose rate cannot be computed follow, unranked, with the reason.
 */
export function leaderboardChart(data: Data, board: Leaderboard): ChartData {
  const { year, sector, metric, pollutant } = board;
  if (metric === 'emission' && !pollutant) throw new Error('减排排行需指定污染物（pollutant）');
  const all = metric === 'energy' ? savingRates(data, year) : reductionRates(data, year).filter((c) => c.subject === pollutant);
  const inSector = all.filter((c) => sectorOf(c.enterprise) === sector);
  const ranked = inSector
    .filter((c) => c.rate !== null)
    .sort((a, b) => b.rate! - a.rate! || collator.compare(a.enterprise.name, b.enterprise.name));
  const unranked = inSector.filter((c) => c.rate === null).sort((a, b) => collator.compare(a.enterprise.name, b.enterprise.name));
  const indicatorsOf = new Map<string, number>();
  for (const c of inSector) indicatorsOf.set(c.enterprise.id, (indicatorsOf.get(c.enterprise.id) ?? 0) + 1);

  const rateLabel = metric === 'energy' ? '节能率' : '减排率';
  let place = 0;
  const rows: ChartRow[] = [...ranked, ...unranked].map((c, i) => {
    if (c.rate !== null && (i === 0 || ranked[i - 1]!.rate !== c.rate)) place = i + 1;
    const several = (indicatorsOf.get(c.enterprise.id) ?? 0) > 1;
    return {
      key: several ? `${c.enterprise.id}-${slugOf(c.subject)}` : c.enterprise.id,
      label: several ? `${c.enterprise.name}（${c.subject}）` : c.enterprise.name,
      href: urls.enterprise(c.enterprise.id),
      cells: {
        rank: c.rate !== null ? place : null,
        ...(metric === 'energy' ? { indicator: c.subject } : {}),
        unit: c.unit,
        previous: c.previous,
        current: c.current,
        rate: c.rate,
      },
      ...(c.reason ? { note: c.reason } : {}),
    };
  });

  const what = metric === 'energy' ? '节能率' : `${pollutant}减排率`;
  return {
    slug: `leaderboard-${year}-${slugOf(sector)}-${metric === 'energy' ? 'energy' : `emission-${slugOf(pollutant!)}`}`,
    title: `${year}年${sector}行业${what}排行`,
    head: '企业',
    columns: [
      { key: 'rank', label: '名次', kind: 'count' },
      ...(metric === 'energy' ? [{ key: 'indicator', label: '指标', kind: 'text' as const }] : []),
      { key: 'unit', label: '单位', kind: 'text' },
      { key: 'previous', label: metric === 'energy' ? `${year - 1}年数值` : `${year - 1}年排放量`, kind: 'decimal' },
      { key: 'current', label: metric === 'energy' ? `${year}年数值` : `${year}年排放量`, kind: 'decimal' },
      { key: 'rate', label: rateLabel, unit: '%', kind: 'percent' },
    ],
    rows,
    bars: [{ column: 'rate', label: rateLabel, style: 'solid' }],
    stacked: false,
    horizontal: true,
    notes: [
      metric === 'energy'
        ? `节能率 =（上年数值 − 本年数值）÷ 上年数值，按同一企业、同一指标计算；正数表示能耗下降，负数表示上升。`
        : `减排率 =（上年排放量 − 本年排放量）÷ 上年排放量，按同一企业、同一污染物计算，各污染物分别排名、不相加；正数表示排放减少。`,
      `上年没有同一${metric === 'energy' ? '指标' : '污染物'}数据的企业列为“${NO_PREVIOUS}”，不参加排名。百分比保留两位小数，相同者名次并列。`,
    ],
  };
}
