import { getCollection, type CollectionEntry } from 'astro:content';
import { buildTime, config } from './config.ts';
import type { ContentEntry } from '../input/markdown.ts';
import type { YearView } from '../model/campaign.ts';
import { loadSite } from './site-cache.ts';
import type { NoticeFrontmatter } from '../input/schema/frontmatter.ts';
import type { Site } from '../model/site.ts';

/**
 * Where pages get the editors' data: the site model, built once per build from the validated data
 * after the one gate (src/model/site.ts). Pages, components, feeds and downloads read nothing else.
 */
export function getSite(): Site {
  return loadSite(config().contentRoot, buildTime());
}

type Rendered = 'notices' | 'news' | 'stories' | 'workers';

/**
 * The published entries of a Markdown collection as Astro renders them (the text, the photos), in
 * the site model's order: the model decides which entries exist, Astro only draws them. For routes
 * and pages that render; lists read the model's own entries (getSite().content).
 */
export async function getEntries<C extends Rendered>(name: C): Promise<CollectionEntry<C>[]> {
  const published = getSite().content[name];
  // An empty kind (the real site's normal state before its first news) is not asked of Astro, which would warn.
  if (published.length === 0) return [];
  const byId = new Map((await getCollection(name)).map((entry) => [entry.id, entry] as const));
  return published.map((item) => {
    const entry = byId.get(item.id);
    if (!entry) throw new Error(`${item.file}：Astro 没有读到这个文件`);
    return entry as CollectionEntry<C>;
  });
}

/** The notice a campaign names (the content check makes sure it exists). */
export function campaignNotice(view: YearView): ContentEntry<NoticeFrontmatter> {
  const notice = getSite().content.notices.find((n) => n.id === view.campaign.notice);
  if (!notice) throw new Error(`data/campaigns.csv：${view.year} 年度的 notice 列填写的“${view.campaign.notice}”在 content/notices/ 中找不到对应的通知文件`);
  return notice;
}
