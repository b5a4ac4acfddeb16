import fs from 'node:fs';
import path from 'node:path';

/**
 * The two builds the site-wide tests cover, by Playwright project, and the pages of each as its
 * sitemap lists them: a page added on any branch (search, data, charts) is covered without
 * being named here. The 404 page is in no sitemap and is added by hand.
 */
export const BUILDS = { real: 'dist', demo: 'dist-demo' } as const;
export type Build = keyof typeof BUILDS;

export const NOT_FOUND = '/404.html';

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!.trim());

/** URL paths listed by dist/sitemap-index.xml and the sitemaps it names, sorted. */
export function sitemapPages(dist: string): string[] {
  const index = path.join(dist, 'sitemap-index.xml');
  if (!fs.existsSync(index)) return [];
  const pages = locs(fs.readFileSync(index, 'utf8')).flatMap((sitemap) => {
    const file = path.join(dist, new URL(sitemap).pathname);
    return locs(fs.readFileSync(file, 'utf8')).map((loc) => decodeURI(new URL(loc).pathname));
  });
  return [...new Set(pages)].sort();
}

/** Every page of a build to check: the sitemap's, then the 404 page. */
export function pagesOf(build: Build): string[] {
  return [...sitemapPages(BUILDS[build]), NOT_FOUND];
}

/**
 * One page of each kind, for the slower checks: the first page under each route shape, where
 * a shape replaces the last segment of a path below a section with "*" (/news/*, /enterprises/*).
 */
export function onePerKind(pages: string[]): string[] {
  const seen = new Map<string, string>();
  for (const page of pages) {
    const parts = page.split('/').filter(Boolean);
    const shape = parts.length > 1 ? `/${parts.slice(0, -1).join('/')}/*` : page;
    if (!seen.has(shape)) seen.set(shape, page);
  }
  return [...seen.values()];
}

/** The HTML file a page path is served from. */
export function htmlFile(build: Build, page: string): string {
  const dist = BUILDS[build];
  return page.endsWith('.html') ? path.join(dist, page) : path.join(dist, page, 'index.html');
}
