import { campaignYears, currentYear, yearView, type Enterprise, type YearView } from './campaign.ts';
import { enterpriseRows, type EnterpriseRows } from './enterprise.ts';
import { publicityLists, yearResults, type CategoryResult, type PublicityList } from './results.ts';
import { decisionRefs, yearPublicity } from './procedure.ts';
import { honourRecords, type HonourRecord } from './honours.ts';
import { siteCorrections, type Correction } from './corrections.ts';
import type { WorkerRef } from '../input/recipients.ts';
import type { PortalData } from '../input/types.ts';
import { beijingDate, publish } from './publish.ts';
import { sinceYearEnd, yearSchedule, type Schedule, type SinceYearEnd } from './schedule.ts';

/**
 * The site model: the editors' validated data after the one gate, with every view pages, charts,
 * feeds and downloads read, derived once per build. Nothing reads editors' data any other way.
 */
export interface Site extends PortalData {
  /** Campaign years, newest first; the first is the current one, shown on the main pages. */
  readonly years: readonly number[];
  readonly currentYear: number;
  /** The current year's view: every page's layout reads it. */
  readonly current: YearView;
  readonly views: ReadonlyMap<number, YearView>;
  readonly results: ReadonlyMap<number, readonly CategoryResult[]>;
  /** Each year's 公示 that have begun, with their lists as published and their status now. */
  readonly publicityLists: ReadonlyMap<number, readonly PublicityList[]>;
  /** 荣誉查询: every honour a published 表彰决定 made final, with its verification code. */
  readonly honours: readonly HonourRecord[];
  /** 更正记录 of every published page and table, newest first. */
  readonly correctionLog: readonly Correction[];
  /** The moment the build reckons every status by (the 公示 go to the hour). */
  readonly now: Date;
  /** The build's Beijing day (YYYY-MM-DD) that every status on the site is reckoned on. */
  readonly today: string;
  /** Each year's deadlines and timeline steps as they stand today (已截止, 进行中, 即将开始). */
  readonly schedules: ReadonlyMap<number, Schedule>;
  /** Once the current year is over: what this site has published since. Absent during the year. */
  readonly afterCurrentYear?: SinceYearEnd;
  /** Published worker profiles, as award results name them. */
  readonly workerRefs: readonly WorkerRef[];
  readonly enterpriseById: ReadonlyMap<string, Enterprise>;
  /** Each enterprise's own rows of the tables its page shows. */
  readonly enterpriseRows: EnterpriseRows;
}

/** The site as it is published at `now`: the gate, then every view, each computed once. */
export function siteModel(data: PortalData, now: Date): Site {
  const site = publish(data, now);
  const years = campaignYears(site);
  const workerRefs = site.content.workers.map((w) => ({ id: w.id, name: w.data.name, enterprise: w.data.enterprise }));
  const views = new Map(years.map((y) => [y, yearView(site, y)]));
  const current = currentYear(site);
  const today = beijingDate(now);
  const decisions = decisionRefs(site.content.decisions);
  const procedure = new Map(years.map((y) => [y, yearPublicity(site, decisions, y, now)]));
  const results = new Map(years.map((y) => [y, yearResults(site, workerRefs, y, procedure.get(y)!)]));
  const lists = new Map(years.map((y) => [y, publicityLists(site, workerRefs, y, procedure.get(y)!)]));
  const schedules = new Map(years.map((y) => [y, yearSchedule(views.get(y)!, today)]));
  return {
    ...site,
    years,
    currentYear: current,
    current: views.get(current)!,
    views,
    results,
    publicityLists: lists,
    correctionLog: siteCorrections(site.content, site.corrections, current, today),
    honours: honourRecords(years, results, new Map(site.content.workers.map((w) => [w.id, w.data.role]))),
    now,
    today,
    schedules,
    ...(schedules.get(current)!.yearOver && { afterCurrentYear: sinceYearEnd(current, site.content, resultsPublished(results.get(current)!)) }),
    workerRefs,
    enterpriseById: new Map(site.enterprises.map((e) => [e.id, e])),
    enterpriseRows: enterpriseRows(site),
  };
}

/** A year's view; a year with no campaign is a mistake in the page or story asking for it. */
export function viewOf(site: Site, year: number): YearView {
  return ofYear(site, site.views, year);
}

/** Whether any of a year's award results are on this site. */
export function resultsPublished(results: readonly CategoryResult[]): boolean {
  return results.some((r) => r.recipients.length > 0);
}

export function scheduleOf(site: Site, year: number): Schedule {
  return ofYear(site, site.schedules, year);
}

/** A year's entry of one of the model's per-year maps, or the error that names the campaign years. */
function ofYear<T>(site: Site, byYear: ReadonlyMap<number, T>, year: number): T {
  const entry = byYear.get(year);
  if (entry === undefined) throw new Error(`没有 ${year} 年度的竞赛（竞赛年度：${site.years.join('、')}）`);
  return entry;
}

export function publicityOf(site: Site, year: number): readonly PublicityList[] {
  return site.publicityLists.get(year) ?? [];
}

export function resultsOf(site: Site, year: number): readonly CategoryResult[] {
  return site.results.get(year) ?? [];
}

/** A chart's year as an editor wrote it in a story, checked, so a typo stops the build with a message. */
export function checkYear(site: Pick<Site, 'years'>, year: unknown, chart: string): number {
  if (typeof year !== 'number' || !site.years.includes(year)) {
    throw new Error(`${chart}：year 应为竞赛年度之一（${site.years.join('、')}），例如 year={${site.years[0]}}；实际为 ${JSON.stringify(year)}`);
  }
  return year;
}
