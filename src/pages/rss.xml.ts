import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { config } from '../astro/config.ts';
import { ATOM_NS, beijingRssDate, channelData, feedText, feedTitle } from '../model/feed.ts';
import { getSite } from '../astro/site.ts';
import { sections, urls } from '../model/urls.ts';

/** News feed: published items only, newest first, dated by their day in Beijing (see model/feed.ts). */
export async function GET(context: APIContext) {
  const site = getSite();
  const view = site.current;
  const news = site.content.news;
  const origin = context.site ?? 'https://example.invalid';
  return rss({
    title: feedTitle(view.campaign.title, config().demo),
    description: `${view.campaign.title}的活动消息`,
    site: origin,
    xmlns: { atom: ATOM_NS },
    customData: channelData(new URL(sections.rss, origin).href, news.map((n) => n.data.date)),
    items: news.map((n) => ({
      title: n.data.title,
      // As customData, not pubDate: the library would write the date in UTC, the day before in Beijing.
      customData: `<pubDate>${beijingRssDate(n.data.date)}</pubDate>`,
      description: n.data.summary === undefined ? undefined : feedText(n.data.summary),
      link: urls.news(n.id),
    })),
  });
}
