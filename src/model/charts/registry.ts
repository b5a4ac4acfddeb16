import type { Site } from '../site.ts';
import { awardDistributionChart, hasAwards } from './awards.ts';
import { enterpriseEnergyCharts, leaderboardChart, leaderboards } from './energy.ts';
import { quotaChart, quotaSplitChart, registrationChart } from './quota.ts';
import type { ChartData } from './types.ts';

/**
 * Whether a chart has a bar to draw (a leaderboard where nobody has last year's figures has none);
 * one that has not is left off the page and gets no download.
 */
export function isDrawable(chart: ChartData): boolean {
  return chart.rows.some((r) => chart.bars.some((b) => typeof r.cells[b.column] === 'number'));
}

/**
 * Every chart the site can show, for the CSV downloads under /data/charts/. Components build their
 * charts with the same functions, so every chart on a page has its file here.
 */
export function allCharts(site: Site): ChartData[] {
  const charts: ChartData[] = [];
  for (const [year, view] of site.views) {
    charts.push(quotaChart(view), quotaSplitChart(view), registrationChart(view));
    charts.push(...leaderboards(site, year).map((board) => leaderboardChart(site, board)));
    if (hasAwards(site, year)) charts.push(awardDistributionChart(site, year));
  }
  for (const e of site.enterprises) charts.push(...enterpriseEnergyCharts(site, e.id));
  const drawable = charts.filter(isDrawable);
  const slugs = new Set<string>();
  for (const c of drawable) {
    if (slugs.has(c.slug)) throw new Error(`图表文件名重复：${c.slug}`);
    slugs.add(c.slug);
  }
  return drawable;
}
