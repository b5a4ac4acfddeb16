import { CITY_GROUP_NAME, type YearView } from '../campaign.ts';
import { ZONE_KINDS } from '../../input/schema/tables.ts';
import { urls } from '../urls.ts';
import { roundPercent } from './format.ts';
import type { ChartData } from './types.ts';

/** Quota per zone, each bar marked as county/district or industry union. */
export function quotaChart(view: YearView): ChartData {
  return {
    slug: `quota-${view.year}`,
    title: `${view.year}年各赛区参赛企业名额`,
    head: '赛区',
    columns: [
      { key: 'kind', label: '类别', kind: 'text' },
      { key: 'quota', label: '名额', unit: '家', kind: 'count' },
    ],
    rows: view.zones.map((z) => ({
      key: z.id,
      label: z.name,
      href: urls.zone(z.id),
      cells: { kind: z.kindLabel, quota: z.quota },
    })),
    footer: { key: 'total', label: '合计', cells: { kind: null, quota: view.totals.zoneQuota } },
    bars: (['county', 'industry'] as const).map((kind, i) => ({
      column: 'quota',
      label: ZONE_KINDS[kind],
      style: i === 0 ? 'solid' : 'hatch',
      where: { column: 'kind', equals: ZONE_KINDS[kind] },
    })),
    stacked: true,
    horizontal: true,
    notes: [`${CITY_GROUP_NAME}参赛企业由通知逐一列名，不分配名额，见“参赛企业构成”。`],
  };
}

/** How the year's participants divide between county/district zones, industry unions and city-level enterprises. */
export function quotaSplitChart(view: YearView): ChartData {
  const { totals } = view;
  const share = (n: number) => (totals.all > 0 ? roundPercent(n / totals.all) : null);
  const row = (key: string, label: string, n: number) => ({ key, label, cells: { count: n, share: share(n) } });
  return {
    slug: `quota-split-${view.year}`,
    title: `${view.year}年参赛企业构成：县市区、产业工会和${CITY_GROUP_NAME}`,
    head: '组别',
    columns: [
      { key: 'count', label: '企业数', unit: '家', kind: 'count' },
      { key: 'share', label: '占比', unit: '%', kind: 'percent' },
    ],
    rows: [
      row('county', `${ZONE_KINDS.county}赛区（名额）`, totals.countyQuota),
      row('industry', `${ZONE_KINDS.industry}赛区（名额）`, totals.industryQuota),
      row('city', `${CITY_GROUP_NAME}参赛企业`, totals.cityEnterprises),
    ],
    footer: { key: 'total', label: '合计', cells: { count: totals.all, share: totals.all > 0 ? 100 : null } },
    bars: [{ column: 'count', label: '企业数', style: 'solid' }],
    stacked: false,
    horizontal: true,
    notes: [`县市区和产业工会赛区按分配的名额计，${CITY_GROUP_NAME}按通知列名的企业计。`],
  };
}

/** Enterprises each zone has reported so far against its quota. */
export function registrationChart(view: YearView): ChartData {
  const zones = view.zones.filter((z) => z.quota > 0);
  const reported = zones.reduce((s, z) => s + z.enterprises.length, 0);
  const quota = zones.reduce((s, z) => s + z.quota, 0);
  const progress = (n: number, q: number) => (q > 0 ? roundPercent(n / q) : null);
  return {
    slug: `registration-${view.year}`,
    title: `${view.year}年各赛区参赛企业上报进度`,
    head: '赛区',
    columns: [
      { key: 'quota', label: '名额', unit: '家', kind: 'count' },
      { key: 'reported', label: '已上报', unit: '家', kind: 'count' },
      { key: 'pending', label: '待上报', unit: '家', kind: 'count' },
      { key: 'progress', label: '上报进度', unit: '%', kind: 'percent' },
    ],
    rows: zones.map((z) => ({
      key: z.id,
      label: z.name,
      href: urls.zone(z.id),
      cells: {
        quota: z.quota,
        reported: z.enterprises.length,
        pending: z.quota - z.enterprises.length,
        progress: progress(z.enterprises.length, z.quota),
      },
    })),
    footer: {
      key: 'total',
      label: '合计',
      cells: { quota, reported, pending: quota - reported, progress: progress(reported, quota) },
    },
    bars: [
      { column: 'reported', label: '已上报', style: 'solid' },
      { column: 'pending', label: '待上报', style: 'outline' },
    ],
    stacked: true,
    horizontal: true,
    totalColumn: 'quota',
    notes: [`${CITY_GROUP_NAME}参赛企业${view.totals.cityEnterprises}家由通知列名，不在此图。`],
  };
}
