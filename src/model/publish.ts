import type { ContentEntry } from '../input/markdown.ts';
import type { PortalData } from '../input/types.ts';

/** What of an editor's item decides whether it is published. */
type Dated = { draft?: boolean; date?: string };

/**
 * Whether an editor's item may appear anywhere in the output (pages, lists, feeds, search,
 * downloads, charts): not a draft, and its date not in the future at build time.
 *
 * Dates are Beijing dates: an item dated 2024-06-02 is published from 00:00 China Standard Time
 * (UTC+8, no daylight saving) on that day, whatever the time zone of the machine that builds.
 */
export function isPublished(item: Dated, now: Date): boolean {
  if (item.draft) return false;
  if (item.date && item.date > beijingDate(now)) return false;
  return true;
}

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The calendar day in Beijing at a given moment, as YYYY-MM-DD. */
export function beijingDate(moment: Date): string {
  return new Date(moment.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

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
