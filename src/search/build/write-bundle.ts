/**
 * Writes one Pagefind bundle of the index, with page ids that no earlier bundle uses.
 *
 * A page's id in a bundle is its fragment's hash, which Pagefind shortens as far as that one bundle
 * allows (seven hex digits, most often). Across the several bundles of a large site two pages can
 * get the same id (about even odds at 20,000 pages), and the search engine joins a query's terms by
 * id: two pages would be taken for one, and a page could be found for a term it lacks. So when a
 * bundle comes out with an id already taken, its clashing pages get a salt in their meta (which
 * changes their fragment, so its hash) and the bundle is written again. The salt is a count, so the
 * same site always gives the same index.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import * as pagefind from 'pagefind';
import { closePagefind } from './pagefind-service.ts';
import { bundleKey, restoreBundle, storeBundle, type BundleCache } from './bundle-cache.ts';

/** The meta field that tells a salted page's fragment apart; never read by the search. */
export const SALT_META = 's';
const TRIES = 8;

/** The id of each page a written bundle holds (its fragment files' names), with the page's address. */
export function bundlePages(dir: string): Map<string, string> {
  const pages = new Map<string, string>();
  for (const file of fs.readdirSync(path.join(dir, 'fragment'))) {
    // A fragment is gzip'd JSON after Pagefind's 12-byte signature.
    const fragment = JSON.parse(zlib.gunzipSync(fs.readFileSync(path.join(dir, 'fragment', file))).subarray(12).toString('utf8')) as { url: string };
    pages.set(file.replace(/\.pf_fragment$/, ''), fragment.url);
  }
  return pages;
}

async function writeOnce(records: pagefind.CustomRecord[], dir: string, includeCharacters: string, language: string): Promise<void> {
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: language, includeCharacters });
    if (!index || errors.length > 0) throw new Error(`无法创建搜索索引：${errors.join('；')}`);
    // All handed over at once: Pagefind works through them while the next ones are sent.
    await Promise.all(
      records.map(async (record) => {
        const added = await index.addCustomRecord(record);
        if (added.errors.length > 0) throw new Error(`搜索索引无法收录 ${record.url}：${added.errors.join('；')}`);
      }),
    );
    const written = await index.writeFiles({ outputPath: dir });
    if (written.errors.length > 0) throw new Error(`搜索索引写入失败：${written.errors.join('；')}`);
  } finally {
    // Stops Pagefind's process, and with it the memory this bundle took, before the next one.
    await closePagefind();
  }
}

/**
 * Writes `records` as a bundle into `dir`, none of whose page ids is in `taken`; adds its ids to
 * `taken`. Returns how many pages had to be salted. With a cache (bundle-cache.ts), the same
 * bundle written by an earlier build is taken from it instead, when that gives the same files.
 */
export async function writeBundle(
  records: pagefind.CustomRecord[],
  dir: string,
  taken: Set<string>,
  options: { includeCharacters: string; language: string },
  cache?: BundleCache,
): Promise<number> {
  // Pagefind reads its chunk size from the environment (indexer.ts): part of what decides the files.
  const key = cache && bundleKey(records, { ...options, chunkSize: process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ?? '' });
  if (cache && key && restoreBundle(cache, key, dir, taken)) return 0;
  const salts = new Map<string, number>();
  for (let attempt = 0; ; attempt++) {
    const salted = records.map((r) => (salts.has(r.url) ? { ...r, meta: { ...r.meta, [SALT_META]: String(salts.get(r.url)) } } : r));
    fs.rmSync(dir, { recursive: true, force: true });
    await writeOnce(salted, dir, options.includeCharacters, options.language);
    const pages = bundlePages(dir);
    const clashes = [...pages].filter(([id]) => taken.has(id)).map(([, url]) => url);
    if (clashes.length === 0) {
      for (const id of pages.keys()) taken.add(id);
      if (cache && key) storeBundle(cache, key, dir, { ids: [...pages.keys()], salts: salts.size });
      return salts.size;
    }
    if (attempt + 1 >= TRIES) throw new Error(`搜索索引：${clashes.join('、')} 的编号与其他索引包重复，${TRIES} 次重写仍未避开`);
    for (const url of clashes) salts.set(url, (salts.get(url) ?? 0) + 1);
  }
}
