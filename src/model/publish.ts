import { config, type Config } from '../astro/config.ts';

/**
 * Whether an editor's item may appear anywhere in the output (pages, lists, feeds, search,
 * downloads, charts): not a draft, and its date not in the future at build time.
 *
 * Dates are Beijing dates: an item dated 2024-06-02 is published from 00:00 China Standard Time
 * (UTC+8, no daylight saving) on that day, whatever the time zone of the machine that builds.
 */
export function isPublished(item: { draft?: boolean; date?: string }, now: Date = buildTime()): boolean {
  if (item.draft) return false;
  if (item.date && item.date > beijingDate(now)) return false;
  return true;
}

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The calendar day in Beijing at a given moment, as YYYY-MM-DD. */
export function beijingDate(moment: Date): string {
  return new Date(moment.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The moment the build takes as "now": the start of a pinned Beijing day (PORTAL_NOW, checked in
 * config.ts) for reproducible builds and tests, else the present.
 */
export function buildTime({ now }: Pick<Config, 'now'> = config()): Date {
  return now ? new Date(`${now}T00:00:00+08:00`) : new Date();
}
