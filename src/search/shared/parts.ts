/**
 * A large site's index is written as several Pagefind bundles (see PART_PAGES in indexer.ts): the
 * first at /pagefind/ as usual, the others in folders inside it, listed in /pagefind/parts.json.
 * Pagefind's own mergeIndex then searches them all as one: results from every bundle, by score.
 * Results carry no bundle, only the page's id, which the indexer keeps unique across the bundles
 * (src/search/build/write-bundle.ts).
 */

/** Lists the bundles beyond the first, as paths relative to the first: { "parts": ["part-2/"] }. */
export const PARTS_FILE = 'parts.json';

export interface PartsManifest {
  parts: string[];
}

/** Where bundle number `part` (0 = the first) goes, relative to the index folder. */
export function partPath(part: number): string {
  return part === 0 ? '' : `part-${part + 1}/`;
}

/** The part of pagefind.js that opening a bundle uses. */
export interface PagefindLoader {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(url: string, options?: Record<string, unknown>): Promise<void>;
}

/**
 * Pagefind's options for every bundle: diacritics kept as typed, no excerpts (we make our own), and
 * page addresses from the site's root, which Pagefind would otherwise guess from each bundle's own
 * folder (/pagefind/part-2/ would put its pages under /pagefind/). The site is served from its root.
 */
export const PAGEFIND_OPTIONS = { exactDiacritics: true, excerptLength: 0, baseUrl: '/' };

/**
 * Starts Pagefind on the bundle at `base` (a URL ending in /) and merges in the other parts, all
 * fetched at once: one after the other, each bundle would add its round trips to a reader's first
 * search on a slow network. Pagefind adds a merged bundle to its list when asked, before fetching
 * it, so the order of the bundles is still that of the manifest.
 */
export async function openBundles(pagefind: PagefindLoader, base: string, manifest: PartsManifest): Promise<void> {
  await pagefind.options(PAGEFIND_OPTIONS);
  await pagefind.init();
  await Promise.all(manifest.parts.map((part) => pagefind.mergeIndex(new URL(part, base).href, PAGEFIND_OPTIONS)));
}
