import { pageFile, sitemapPages } from './site-pages.ts';

/**
 * The two builds the site-wide tests cover, by Playwright project, and the pages of each as its
 * sitemap lists them: a page added on any branch (search, data, charts) is covered without
 * being named here. The 404 page is in no sitemap and is added by hand.
 */
export const BUILDS = { real: 'dist', demo: 'dist-demo' } as const;
export type Build = keyof typeof BUILDS;

export const NOT_FOUND = '/404.html';

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
  return pageFile(BUILDS[build], page);
}
