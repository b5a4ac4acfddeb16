import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { config } from '../astro/config.ts';
import { feedText } from '../model/feed.ts';
import { getSite } from '../astro/site.ts';
import { urls } from '../model/urls.ts';

/** News feed: published items only, newest first. */
export async function GET(context: APIContext) {
  const site = getSite();
  const view = site.current;
  const news = site.content.news;
  return rss({
    title: `${config().demo ? '【示例】' : ''}${view.campaign.title} · 新闻动态`,
    description: `${view.campaign.title}的活动消息`,
    site: context.site ?? 'https://example.invalid',
    customData: '<language>zh-cn</language>',
    items: news.map((n) => ({
      title: n.data.title,
      pubDate: new Date(`${n.data.date}T00:00:00+08:00`),
      description: n.data.summary === undefined ? undefined : feedText(n.data.summary),
      link: urls.news(n.id),
    })),
  });
}
