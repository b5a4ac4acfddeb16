import type { ContentEntry } from '../input/markdown.ts';
import {
  campaignYears,
  currentYear,
  enterpriseRows,
  yearResults,
  yearView,
  type CategoryResult,
  type Enterprise,
  type EnterpriseRows,
  type YearView,
} from './views.ts';
import type { PortalData } from '../input/types.ts';
import { isPublished } from './publish.ts';
import type { WorkerRef } from '../input/recipients.ts';

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
  /** Published worker profiles, as award results name them. */
  readonly workerRefs: readonly WorkerRef[];
  readonly enterpriseById: ReadonlyMap<string, Enterprise>;
  /** Each enterprise's own rows of the tables its page shows. */
  readonly enterpriseRows: EnterpriseRows;
}

type Dated = { draft?: boolean; date?: string };

/** Newest first, then by address, as every list and feed shows them. */
const newestFirst = (a: ContentEntry<Dated>, b: ContentEntry<Dated>) => (b.data.date ?? '').localeCompare(a.data.date ?? '') || a.id.localeCompare(b.id);

/**
 * The one gate: what may appear in any output (pages, lists, feeds, search, charts, downloads).
 * Drafts and items dated after today (a Beijing date) are left out. Awards naming a draft worker
 * never get here: the content check refuses them (rules.ts).
 */
export function publish(data: PortalData, now: Date): PortalData {
  const published = <T extends ContentEntry<Dated>>(entries: readonly T[]): T[] => entries.filter((e) => isPublished(e.data, now)).sort(newestFirst);
  return {
    ...data,
    content: {
      notices: data.content.notices,
      news: published(data.content.news),
      stories: published(data.content.stories),
      workers: published(data.content.workers),
    },
  };
}

/** The site as it is published at `now`: the gate, then every view, each computed once. */
export function siteModel(data: PortalData, now: Date): Site {
  const site = publish(data, now);
  const years = campaignYears(site);
  const workerRefs = site.content.workers.map((w) => ({ id: w.id, name: w.data.name, enterprise: w.data.enterprise }));
  const views = new Map(years.map((y) => [y, yearView(site, y)]));
  const current = currentYear(site);
  return {
    ...site,
    years,
    currentYear: current,
    current: views.get(current)!,
    views,
    results: new Map(years.map((y) => [y, yearResults(site, workerRefs, y)])),
    workerRefs,
    enterpriseById: new Map(site.enterprises.map((e) => [e.id, e])),
    enterpriseRows: enterpriseRows(site),
  };
}

/** A year's view; a year with no campaign is a mistake in the page or story asking for it. */
export function viewOf(site: Site, year: number): YearView {
  const view = site.views.get(year);
  if (!view) throw new Error(`没有 ${year} 年度的竞赛（竞赛年度：${site.years.join('、')}）`);
  return view;
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
