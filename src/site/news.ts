import type { CollectionEntry } from 'astro:content';
import { getPublished } from './collections.ts';

export const NEWS_PER_PAGE = 10;

/** Published news split into list pages of NEWS_PER_PAGE, newest first. */
export async function newsPages(): Promise<CollectionEntry<'news'>[][]> {
  const news = await getPublished('news');
  const pages: CollectionEntry<'news'>[][] = [];
  for (let i = 0; i < news.length; i += NEWS_PER_PAGE) pages.push(news.slice(i, i + NEWS_PER_PAGE));
  return pages.length > 0 ? pages : [[]];
}
