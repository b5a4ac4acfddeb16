import { formatNumber } from './format.ts';
import type { YearView } from './campaign.ts';
import type { CategoryResult } from './results.ts';
import type { EnterpriseYear } from './enterprise.ts';

/**
 * The key figure a page's share picture shows under its title (src/browser/share.ts), computed from
 * the site model as the page itself shows it, never written by hand. Short: the picture gives it
 * two lines. Undefined where the page has no figure yet (an empty table, results not announced):
 * the picture then shows the title alone.
 */

/** 名额分配: the quota of each kind of zone and the total. */
export function quotaFact(view: Pick<YearView, 'year' | 'totals'>): string {
  const { countyQuota, industryQuota, cityEnterprises, all } = view.totals;
  return `${view.year}年参赛企业共${formatNumber(all)}家：县市区赛区${formatNumber(countyQuota)}家、产业赛区${formatNumber(industryQuota)}家、市直${formatNumber(cityEnterprises)}家`;
}

/** 评选结果: how many were commended, once the results are announced. */
export function resultsFact(year: number, results: readonly CategoryResult[], announced: boolean): string | undefined {
  const count = results.reduce((n, r) => n + r.recipients.length, 0);
  if (!announced || count === 0) return undefined;
  return `${year}年共表彰${formatNumber(count)}个单位、集体和个人（${results.filter((r) => r.recipients.length > 0).length}类）`;
}

/** An enterprise: its latest year's first energy figure against the city's industry average. */
export function enterpriseFact(years: readonly EnterpriseYear[]): string | undefined {
  const latest = years.find((y) => y.energy.length > 0);
  const figure = latest?.energy[0];
  if (!latest || !figure) return years.length > 0 ? `参赛年度：${years.map((y) => `${y.year}年`).join('、')}` : undefined;
  return `${latest.year}年${figure.indicator}${formatNumber(figure.value)} ${figure.unit}，全市同行业平均${formatNumber(figure.industry_average)}`;
}

/** 节能减排排行: how many enterprises are ranked, in how many sectors. */
export function leaderboardFact(year: number, sectors: readonly string[], enterprises: number): string | undefined {
  if (sectors.length === 0) return undefined;
  return `${year}年${formatNumber(enterprises)}家企业参与排行，${formatNumber(sectors.length)}个行业`;
}
