/**
 * A feed reader shows an item's description as HTML. The feed library escapes it once, for the
 * XML only, so a summary "<img src=x onerror=…>" would reach the reader as markup: escaping it as
 * HTML text first makes the reader show it as the editor wrote it.
 */
export function feedText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The news feed's name, in the feed itself and in every page's link to it. */
export function feedTitle(campaignTitle: string, demo: boolean): string {
  return `${demo ? '【示例】' : ''}${campaignTitle} · 新闻动态`;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A calendar day (2019-11-01) as an RSS date at the start of that day in Beijing:
 * "Fri, 01 Nov 2019 00:00:00 +0800". Written in UTC ("Thu, 31 Oct 2019 16:00:00 GMT", what the
 * feed library makes of a Date) a reader that shows the date as written shows the day before.
 */
export function beijingRssDate(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new Error(`日期应写成“年-月-日”，例如 2024-03-15；实际为“${day}”`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const weekday = new Date(Date.UTC(y, mo - 1, d)).getUTCDay();
  return `${WEEKDAYS[weekday]}, ${m[3]} ${MONTHS[mo - 1]} ${m[1]} 00:00:00 +0800`;
}

export const ATOM_NS = 'http://www.w3.org/2005/Atom';

/**
 * The channel's own elements besides title, description and link, as XML for the feed library's
 * customData (the atom prefix is declared with its xmlns option, as ATOM_NS):
 * - language;
 * - atom:link rel="self", the feed's own address, which feed validators ask for;
 * - lastBuildDate: when the channel's content last changed, which is the newest item's day. It is
 *   taken from the items, not the clock, so two builds of the same data are the same bytes; a feed
 *   with no items has none.
 */
export function channelData(selfUrl: string, itemDays: readonly string[]): string {
  const newest = [...itemDays].sort().at(-1);
  return [
    '<language>zh-cn</language>',
    newest === undefined ? '' : `<lastBuildDate>${beijingRssDate(newest)}</lastBuildDate>`,
    `<atom:link href="${feedText(selfUrl).replace(/"/g, '&quot;')}" rel="self" type="application/rss+xml"/>`,
  ].join('');
}
