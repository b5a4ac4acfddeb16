import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { config } from '../astro/config.ts';
import { ATOM_NS, beijingRssDate, channelData, feedText } from '../model/feed.ts';
import { getSite } from '../astro/site.ts';
import { sections } from '../model/urls.ts';

/** The site's corrections as a feed, newest first, each dated by its Beijing day (model/feed.ts). */
export async function GET(context: APIContext) {
  const site = getSite();
  const origin = context.site ?? 'https://example.invalid';
  const list = site.correctionLog;
  return rss({
    title: `${config().demo ? '【示例】' : ''}${site.current.campaign.title} · 更正记录`,
    description: '本站发布后更正过的名称、数字和结果',
    site: origin,
    xmlns: { atom: ATOM_NS },
    customData: channelData(new URL(sections.correctionsFeed, origin).href, list.map((c) => c.date)),
    items: list.map((c) => ({
      title: `更正：${c.title}`,
      customData: `<pubDate>${beijingRssDate(c.date)}</pubDate><guid isPermaLink="false">${feedText(`更正 ${c.date} ${c.title}：${c.note}`)}</guid>`,
      description: feedText(c.note),
      link: c.href,
    })),
  });
}
