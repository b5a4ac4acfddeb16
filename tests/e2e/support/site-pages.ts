import fs from 'node:fs';
import path from 'node:path';
import { fileOfPageUrl, pageUrlOfFile } from '../../../src/model/urls.ts';

/**
 * The one place the tests list a built site's pages, in two ways that the sharing tests compare:
 * from the files (builtPages) and from the sitemap (sitemapPages). Addresses and files are
 * translated by the site's own rule (src/model/urls.ts).
 */

/** Every page of the built site, as URL paths, found from dist/ so a new page is tested without listing it. */
export function builtPages(dist = 'dist'): string[] {
  return fs
    .readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => file === 'index.html' || file.endsWith('/index.html'))
    // /admin/ is the CMS, no page of the site (tests/e2e/demo/cms.spec.ts, cms-setup.spec.ts).
    .filter((file) => !file.startsWith('admin/'))
    .map(pageUrlOfFile)
    .sort();
}

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

/** The HTML file a page path of a built site is served from. */
export function pageFile(dist: string, page: string): string {
  return path.join(dist, fileOfPageUrl(page));
}
