import { CITY_GROUP_NAME } from '../campaign.ts';
import { CITY_GROUP } from '../../input/schema/tables.ts';
import type { Site } from '../site.ts';
import { urls } from '../urls.ts';
import type { BarStyle, ChartData, ChartRow } from './types.ts';

type Data = Pick<Site, 'zones' | 'awardCategories' | 'results'>;

const STYLES: BarStyle[] = ['solid', 'hatch', 'dots', 'cross', 'outline'];

/**
 * A year's awards by zone (the city-level group first, then the zones as listed) and by category,
 * counting each award where its recipient's enterprise competes: the final list only (what a
 * 表彰决定 made final, less the withdrawn), never a 公示 still under way.
 */
export function awardDistributionChart(data: Data, year: number): ChartData {
  const categories = data.awardCategories.filter((c) => c.year === year);
  const zones = data.zones.filter((z) => z.year === year);
  const counts = new Map<string, number>();
  for (const { category, recipients } of data.results.get(year) ?? []) {
    for (const r of recipients) {
      const key = `${r.enterprise.zone}\u0000${category.id}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const rowOf = (key: string, label: string, href?: string): ChartRow => {
    const cells: Record<string, number> = {};
    let total = 0;
    for (const c of categories) {
      const n = counts.get(`${key}\u0000${c.id}`) ?? 0;
      cells[c.id] = n;
      total += n;
    }
    return { key, label, ...(href ? { href } : {}), cells: { ...cells, total } };
  };
  const rows = [
    rowOf(CITY_GROUP, CITY_GROUP_NAME, urls.zone(CITY_GROUP)),
    ...zones.map((z) => rowOf(z.id, z.name, urls.zone(z.id))),
  ];
  const footerCells: Record<string, number> = {};
  for (const key of [...categories.map((c) => c.id), 'total']) {
    footerCells[key] = rows.reduce((s, r) => s + Number(r.cells[key] ?? 0), 0);
  }
  return {
    slug: `awards-${year}`,
    title: `${year}年评选表彰分布：按赛区和表彰项目`,
    head: '赛区',
    columns: [
      ...categories.map((c) => ({ key: c.id, label: c.name, unit: c.recipient_kind === 'worker' ? '名' : '个', kind: 'count' as const })),
      { key: 'total', label: '合计', kind: 'count' as const },
    ],
    rows,
    footer: { key: 'total', label: '合计', cells: footerCells },
    bars: categories.map((c, i) => ({ column: c.id, label: c.name, style: STYLES[i % STYLES.length]! })),
    stacked: true,
    horizontal: true,
    totalColumn: 'total',
    notes: ['班组、车间、工段和个人计入其所在企业的赛区。'],
  };
}

/** Whether the year has any decided award to show. */
export function hasAwards(data: Pick<Site, 'results'>, year: number): boolean {
  return (data.results.get(year) ?? []).some((r) => r.recipients.length > 0);
}
