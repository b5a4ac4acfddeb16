import type { Row } from '../input/schema/tables.ts';
import { sections, urls } from './urls.ts';

/**
 * 更正记录: every correction the editors recorded on a published page (the `corrections` field of
 * its Markdown) or table (data/corrections.csv), each with the page that shows it, for the page
 * itself and for the site-wide list and feed. Corrections dated after today wait, like news.
 */
export interface Correction {
  date: string;
  note: string;
  /** The page the correction is shown on, and its title. */
  href: string;
  title: string;
  /** Further pages that show it in their 更正记录 (an enterprise's own page), not listed again site-wide. */
  also?: readonly string[];
}

type Entry = { id: string; data: { corrections: readonly { date: string; note: string }[] } };

/** The tables the results pages show: their corrections are shown there, by year. */
const RESULTS_TABLES = new Set(['award-categories.csv', 'publicity.csv', 'awards.csv', 'nominations.csv']);

/** The tables /participate/ shows for the current year: the report deadline and address, and the schedule. */
const GUIDE_TABLES = new Set(['campaigns.csv', 'timeline.csv']);

/** Where a table's correction is shown: the page that shows that table (of that year, where given). */
export function tablePage(row: Pick<Row<'corrections'>, 'table' | 'year'>, currentYear: number): { href: string; title: string } {
  const earlier = row.year !== undefined && row.year !== currentYear;
  if (RESULTS_TABLES.has(row.table)) return earlier ? { href: urls.archive(row.year), title: `${row.year}年竞赛` } : { href: sections.results, title: '评选结果' };
  if (earlier) return { href: urls.archive(row.year), title: `${row.year}年竞赛` };
  if (GUIDE_TABLES.has(row.table)) return { href: sections.participate, title: '参赛指南' };
  if (row.table === 'energy.csv' || row.table === 'emissions.csv') return { href: sections.leaderboard, title: '排行榜' };
  if (row.table === 'zones.csv') return { href: sections.quota, title: '名额分配' };
  if (row.table === 'enterprises.csv' || row.table === 'participation.csv' || row.table === 'teams.csv') return { href: sections.enterprises, title: '参赛企业' };
  return { href: sections.home, title: '首页' };
}

export function siteCorrections(
  content: { notices: readonly (Entry & { data: { title: string } })[]; news: readonly (Entry & { data: { title: string } })[]; stories: readonly (Entry & { data: { title: string } })[]; workers: readonly (Entry & { data: { name: string } })[]; decisions: readonly (Entry & { data: { title: string } })[] },
  tables: readonly Row<'corrections'>[],
  currentYear: number,
  today: string,
): Correction[] {
  const all: Correction[] = [
    ...content.notices.flatMap((e) => e.data.corrections.map((c) => ({ ...c, href: urls.notice(e.id), title: e.data.title }))),
    ...content.news.flatMap((e) => e.data.corrections.map((c) => ({ ...c, href: urls.news(e.id), title: e.data.title }))),
    ...content.stories.flatMap((e) => e.data.corrections.map((c) => ({ ...c, href: urls.story(e.id), title: e.data.title }))),
    ...content.workers.flatMap((e) => e.data.corrections.map((c) => ({ ...c, href: urls.worker(e.id), title: e.data.name }))),
    ...content.decisions.flatMap((e) => e.data.corrections.map((c) => ({ ...c, href: urls.decision(e.id), title: e.data.title }))),
    // A row about one enterprise is also shown on that enterprise's page.
    ...tables.map((r) => ({ date: r.date, note: r.note, ...tablePage(r, currentYear), ...(r.enterprise !== undefined && { also: [urls.enterprise(r.enterprise)] }) })),
  ];
  return all.filter((c) => c.date <= today).sort((a, b) => b.date.localeCompare(a.date) || a.href.localeCompare(b.href));
}

/** A page's own corrections, newest first, and its 更新日期 (the latest), if any. */
export function correctionsOf(all: readonly Correction[], href: string): { list: Correction[]; updated?: string } {
  const list = all.filter((c) => c.href === href || c.also?.includes(href));
  return list.length > 0 ? { list, updated: list[0]!.date } : { list };
}
