import type { APIContext } from 'astro';
import { sections } from '../model/urls.ts';

/** robots.txt, pointing crawlers at the sitemap by its absolute address on the deployed site. */
export function GET(context: APIContext) {
  const sitemap = new URL(sections.sitemapIndex, context.site);
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap.href}\n`, {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
}
