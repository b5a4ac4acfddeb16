import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadPagefind } from '../../tools/search-bench/pagefind-node.ts';
import { SearchEngine } from '../../src/search/browser/engine.ts';
import { buildSearchIndex } from '../../src/search/build/indexer.ts';
import { PARTS_FILE, openBundles, type PartsManifest } from '../../src/search/shared/parts.ts';

/** Indexes the built site in `dir` as the build does, and opens its index in Node with our search engine. */
export async function indexAndOpen(dir: string) {
  await buildSearchIndex(dir, 'pagefind');
  const bundle = path.join(dir, 'pagefind');
  const { pagefind } = await loadPagefind(bundle);
  // Every bundle, as the search page opens them: articles and other pages are never in the same one.
  const manifest = JSON.parse(fs.readFileSync(path.join(bundle, PARTS_FILE), 'utf8')) as PartsManifest;
  await openBundles(pagefind, pathToFileURL(`${bundle}/`).href, manifest);
  const symbols = JSON.parse(fs.readFileSync(path.join(bundle, 'pagefind-entry.json'), 'utf8')).include_characters as string[];
  return { pagefind, engine: new SearchEngine(pagefind, new Set(symbols)) };
}
