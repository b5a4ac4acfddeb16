/**
 * The portal's addresses, in one place: every page, component, feed, chart and test helper asks
 * here instead of writing "/enterprises/…/" itself, so a page that moves moves everywhere at once.
 *
 * Plain TypeScript with no Astro or Node imports: the browser scripts use it as well as the build.
 * Addresses are root-relative and not percent-encoded (ids and file names go in as they are; the
 * HTML attribute escaping is Astro's), matching the files the build writes.
 */

import { isAbsoluteUrl } from '../input/schema/patterns.ts';

/** Sections and other fixed addresses. */
export const sections = {
  home: '/',
  notices: '/notices/',
  quota: '/quota/',
  enterprises: '/enterprises/',
  participate: '/participate/',
  results: '/results/',
  /** 表彰决定, each laid out like the notice. */
  decisions: '/decisions/',
  /** 荣誉查询: every decided honour's record, by its verification code. */
  honours: '/honours/',
  stories: '/stories/',
  news: '/news/',
  workers: '/workers/',
  data: '/data/',
  archive: '/archive/',
  leaderboard: '/leaderboard/',
  search: '/search/',
  rss: '/rss.xml',
  /** 更正记录 of the whole site, as a page and as a feed. */
  corrections: '/corrections/',
  correctionsFeed: '/corrections.xml',
  /** Uploaded documents (enterprises' plans and summaries), copied from the content root's files/. */
  files: '/files/',
  /** The open data's Frictionless Data Package. */
  datapackage: '/data/datapackage.json',
  /** Charts' CSV downloads (written by src/astro/integrations/chart-files.ts). */
  chartData: '/data/charts/',
  /** Written by @astrojs/sitemap; robots.txt points to it. */
  sitemapIndex: '/sitemap-index.xml',
} as const;


/**
 * The id of a zone's section in the enterprise directory, which the quota tables, charts and
 * enterprise pages link to. The city group ("city") is a zone here like the others.
 */
export const zoneAnchor = (zone: string) => `zone-${zone}`;

const under = (section: string, id: string | number) => `${section}${id}/`;

export const urls = {
  enterprise: (id: string) => under(sections.enterprises, id),
  /** A zone's section of the enterprise directory. */
  zone: (zone: string) => `${sections.enterprises}#${zoneAnchor(zone)}`,
  worker: (id: string) => under(sections.workers, id),
  news: (id: string) => under(sections.news, id),
  /** A page of the news list; the first is the section page itself. */
  newsList: (page: number) => (page === 1 ? sections.news : `${sections.news}page/${page}/`),
  story: (id: string) => under(sections.stories, id),
  notice: (id: string) => under(sections.notices, id),
  decision: (id: string) => under(sections.decisions, id),
  honour: (code: string) => under(sections.honours, code),
  /** A 公示 on record, on the results page (current year) or the year's archive page. */
  publicity: (id: string, year: number, current: boolean) => `${current ? sections.results : under(sections.archive, year)}#publicity-${id}`,
  /** A year's archive page, or the archive's index. */
  archive: (year?: number) => (year === undefined ? sections.archive : under(sections.archive, year)),
  /** A year's leaderboard, or the current one. */
  leaderboard: (year?: number) => (year === undefined ? sections.leaderboard : under(sections.leaderboard, year)),
  /** A document named in a table: a web address as it is, a file name as /files/<name>. */
  document: (value: string) => (isAbsoluteUrl(value) ? value : `${sections.files}${value}`),
  /** An open-data table's download. */
  dataset: (name: string, format: 'csv' | 'json') => `${sections.data}${name}.${format}`,
  /** A chart's data as CSV. */
  chartCsv: (slug: string) => `${sections.chartData}${slug}.csv`,
  /** The search page, with a query already typed in if given. */
  search: (query?: string) => (query ? `${sections.search}?q=${encodeURIComponent(query)}` : sections.search),
} as const;

/**
 * The address a built HTML file is served at, from its path inside the built folder with "/"
 * separators: news/index.html → /news/, index.html → /, 404.html → /404.html.
 */
export function pageUrlOfFile(relativeHtmlPath: string): string {
  if (relativeHtmlPath === 'index.html') return sections.home;
  if (relativeHtmlPath.endsWith('/index.html')) return `/${relativeHtmlPath.slice(0, -'index.html'.length)}`;
  return `/${relativeHtmlPath}`;
}

/** The other way round: /news/ → news/index.html, / → index.html, /404.html → 404.html. */
export function fileOfPageUrl(url: string): string {
  const rel = url.replace(/^\/+/, '');
  return rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel;
}
