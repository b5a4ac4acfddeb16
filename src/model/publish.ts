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

/** A Beijing time to the minute as editors write it ("2024-12-02 09:00"), as the moment it names. */
export function beijingMoment(text: string): Date {
  return new Date(`${text.replace(' ', 'T')}:00+08:00`);
}

/** Newest first, then by address, as every list and feed shows them. */
const newestFirst = (a: ContentEntry<Dated>, b: ContentEntry<Dated>) => (b.data.date ?? '').localeCompare(a.data.date ?? '') || a.id.localeCompare(b.id);

/**
 * The one gate: what may appear in any output (pages, lists, feeds, search, charts, downloads).
 * Drafts and items dated after today (a Beijing date) are left out, and so are 公示 not yet begun
 * (to the hour) with the recipients they list. Awards naming a draft worker
 * never get here: the content check refuses them (rules.ts).
 */
export function publish(data: PortalData, now: Date): PortalData {
  const published = <T extends ContentEntry<Dated>>(entries: readonly T[]): T[] => entries.filter((e) => isPublished(e.data, now)).sort(newestFirst);
  // A 公示 exists for readers from its starting hour: before it, neither it nor its list appears
  // anywhere (pages, search, downloads); afterwards it stays on record as it was published.
  const publicity = data.publicity.filter((p) => beijingMoment(p.start).getTime() <= now.getTime());
  const started = new Set(publicity.map((p) => p.id));
  return {
    ...data,
    publicity,
    awards: data.awards.filter((a) => started.has(a.publicity)),
    nominations: data.nominations.filter((n) => started.has(n.publicity)),
    corrections: data.corrections.filter((c) => isPublished(c, now)),
    content: {
      notices: data.content.notices,
      decisions: published(data.content.decisions),
      news: published(data.content.news),
      stories: published(data.content.stories),
      workers: published(data.content.workers),
    },
  };
}
