import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { isDemo } from '../lib/content-root.ts';
import { feedText } from '../lib/feed.ts';
import { urls } from '../lib/urls.ts';
import { getCurrentYearView, getPublished } from '../site/collections.ts';

/** News feed: published items only, newest first. */
export async function GET(context: APIContext) {
  const view = await getCurrentYearView();
  const news = await getPublished('news');
  return rss({
    title: `${isDemo() ? '【示例】' : ''}${view.campaign.title} · 新闻动态`,
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
