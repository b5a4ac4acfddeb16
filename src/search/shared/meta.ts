/**
 * What a page tells the search index about itself. Pages pass it to BaseLayout as the `search`
 * prop; a page without it is not searchable (navigation pages, the search page itself, 404).
 */

/** Content types, in the order the search page offers them as a filter. */
export const SEARCH_TYPES = ['通知', '新闻', '先进经验', '企业', '劳模', '评选结果'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export interface SearchMeta {
  /** Content type; leave out for general pages (guide, quota table), which then match no type filter. */
  type?: SearchType;
  /** Zone name as readers know it (温县, 市直…), for the zone filter. */
  zone?: string;
  /** Campaign year(s) the page belongs to, for the year filter. */
  year?: number | readonly number[];
}

/** The Pagefind filters of a page, as name → values. */
export function searchFilters(meta: SearchMeta): [string, string][] {
  const out: [string, string][] = [];
  if (meta.type) out.push(['type', meta.type]);
  if (meta.zone) out.push(['zone', meta.zone]);
  const years = meta.year === undefined ? [] : typeof meta.year === 'number' ? [meta.year] : meta.year;
  for (const y of years) out.push(['year', String(y)]);
  return out;
}
