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
 * The moment the build takes as "now"; PORTAL_NOW (YYYY-MM-DD, a Beijing date) pins it for
 * reproducible builds and tests.
 */
export function buildTime(): Date {
  const pinned = process.env.PORTAL_NOW;
  if (pinned) {
    const date = /^\d{4}-\d{2}-\d{2}$/.test(pinned) ? new Date(`${pinned}T00:00:00+08:00`) : new Date(Number.NaN);
    if (Number.isNaN(date.getTime())) throw new Error(`PORTAL_NOW 应写成“年-月-日”，实际为“${pinned}”`);
    return date;
  }
  return new Date();
}
