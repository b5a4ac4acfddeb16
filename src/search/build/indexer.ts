/**
 * Builds the search index of a built site with Pagefind's Node API: every page that opted in
 * (data-pagefind-body) is read, encoded as in ngrams.ts and handed to Pagefind; any error stops.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type * as pagefind from 'pagefind';
import { extractPage, type ExtractedPage } from './extract.ts';
import { ORIGINALS_META, encodePage } from '../shared/ngrams.ts';
import { T2S_FILE, T2S_KEYS_FILE, encodeT2sKeys, formatT2s } from '../shared/fold.ts';
import { t2sTable } from './t2s.ts';
import { PARTS_FILE, partPath, type PartsManifest } from '../shared/parts.ts';
import { pageUrlOfFile, sections } from '../../model/urls.ts';
import { writeBundle } from './write-bundle.ts';
import { readRecordCache, writeRecordCache, type RecordCache } from './record-cache.ts';
import { pruneBundles, type BundleCache } from './bundle-cache.ts';

/** The language the index is written in: one Pagefind does not segment or stem, so our words stay as they are. */
export const INDEX_LANGUAGE = 'und';
/**
 * Index chunk size in word positions. Pagefind's default (20,000) makes every chunk a reader
 * downloads about 20 KB; at 2,000 a rare word costs a few KB. Pagefind reads it from an environment
 * variable it calls unstable: if that ever goes away, search stays exact and only downloads more.
 */
export const CHUNK_SIZE = 2000;
/** Never declared as a character to keep: Pagefind's query parser would read it as our phrase quote. */
const QUOTE = '"';

export interface IndexedPage {
  url: string;
  file: string;
  page: ExtractedPage;
}

export interface IndexStats {
  pages: number;
  skipped: number;
  outputPath: string;
  symbols: string;
  /** Pagefind bundles the index was written as (see PART_PAGES). */
  parts: number;
  /** Of those, the bundles taken from the last build's (bundle-cache.ts). */
  reused: number;
}

/** Every HTML file under dir, except those under the index's own folder. */
export function htmlFiles(dir: string, skip: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html') && !f.split(path.sep).includes(skip))
    .sort();
}

/** The address of an HTML file found by htmlFiles (with this system's separators). */
export function urlOf(file: string): string {
  return pageUrlOfFile(file.split(path.sep).join('/'));
}

/** The pages of a built site that are searchable, with their searchable text. */
export function readSite(dir: string, skip = 'pagefind'): { indexed: IndexedPage[]; skipped: number } {
  const indexed: IndexedPage[] = [];
  let skipped = 0;
  for (const file of htmlFiles(dir, skip)) {
    const page = extractPage(fs.readFileSync(path.join(dir, file), 'utf8'));
    if (page.indexed) indexed.push({ url: urlOf(file), file, page });
    else skipped++;
  }
  return { indexed, skipped };
}

/**
 * The record Pagefind indexes for one page: our words as its content, its filters and sort keys,
 * and its notes of its own characters as a meta field. Handed over as a custom record, so that
 * Pagefind does not parse HTML again for text we already have.
 */
export function indexDocument(page: ExtractedPage, url = ''): { record: pagefind.CustomRecord; symbols: Set<string> } {
  const { words, symbols, originals } = encodePage(page.title, page.text, t2sTable());
  const record: pagefind.CustomRecord = { url, content: words.join(' '), language: INDEX_LANGUAGE, meta: originals ? { [ORIGINALS_META]: originals } : {}, filters: page.filters, sort: page.sort };
  return { record, symbols };
}

/** A built page as the index receives it; record and symbols are absent when the page is not searchable. */
export interface EncodedFile {
  file: string;
  record?: pagefind.CustomRecord;
  symbols?: Set<string>;
}

/** What a worker gives back for a page: its digest, and its encoding unless the cache has it (`cached`). */
export type WorkerResult = EncodedFile & { key: string; cached?: true };

/**
 * Every page of the site encoded for the index, in file order, shared among worker threads (as many
 * as the machine has cores, up to 4): reading and parsing thousands of pages is most of the
 * indexing time, and pages are independent of one another. With a cache (record-cache.ts), a page
 * whose HTML is unchanged since the last build is taken from it and not encoded again; the cache is
 * updated to hold exactly this site's pages. Each page is read once, by its worker, which digests
 * it and encodes it only when the cache lacks that digest.
 */
export async function encodeSite(dir: string, skip = 'pagefind', threads = Math.min(4, os.availableParallelism()), cache?: RecordCache): Promise<EncodedFile[]> {
  const files = htmlFiles(dir, skip);
  const known = cache ? [...cache.pages.keys()] : [];
  const share = Math.ceil(files.length / threads) || 1;
  const shares = Array.from({ length: Math.ceil(files.length / share) }, (_, i) => files.slice(i * share, (i + 1) * share));
  const results = await Promise.all(
    shares.map(
      (part) =>
        new Promise<WorkerResult[]>((resolve, reject) => {
          const worker = new Worker(new URL('./encode-worker.ts', import.meta.url), { workerData: { dir, files: part, known } });
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.once('exit', (code) => code !== 0 && reject(new Error(`编码搜索页面的线程异常退出（代码 ${code}）`)));
        }),
    ),
  );
  const encoded = results.flat().map(({ key, cached, ...page }): WorkerResult => {
    if (!cached) return { key, ...page };
    // The worker found the digest in the cache: null there means a page that is not searchable.
    const hit = cache!.pages.get(key);
    return hit ? { key, file: page.file, record: { ...hit.record, url: urlOf(page.file) }, symbols: new Set(hit.symbols) } : { key, file: page.file };
  });
  if (cache) {
    cache.pages = new Map(
      encoded.map((e) => {
        const { url: _url, ...record } = e.record ?? { url: '' };
        return [e.key, e.record && e.symbols ? { record: record as Omit<pagefind.CustomRecord, 'url'>, symbols: [...e.symbols] } : null];
      }),
    );
  }
  return encoded.map(({ key: _key, ...page }) => page);
}

/**
 * Most pages one Pagefind bundle holds. Pagefind keeps a whole bundle in memory while writing it
 * (about 0.25 MB a page with our words), so a larger site is written as several bundles, one after
 * the other, and the browser merges them (parts.ts): memory stays bounded whatever the site's size.
 * (Two bundles at a time in Pagefind's process were no faster here, and took more memory.) The
 * size is also what an incremental build indexes again for a one-page edit (bundle-cache.ts); a
 * smaller one costs every reader's first query more. Measured at 20,000 pages: bundles of 2,500
 * made it 381 KB (median) instead of 342 KB, more page lists and one index chunk per word per bundle.
 */
export const PART_PAGES = 5000;

/**
 * The sections whose pages are the editors' articles (one Markdown file each, with their lists),
 * as against the pages made from the tables, which change together when a table does.
 */
export const ARTICLE_SECTIONS: readonly string[] = [sections.news, sections.stories, sections.notices, sections.workers];

/**
 * From this many searchable pages on, the articles are indexed in bundles apart from the other
 * pages. A smaller site's whole index costs an edit little (the index step of 1,000 pages: 3 to 5 s
 * of CPU), and keeping it in one bundle spares every reader a second bundle's page list and index
 * chunks (split, the demo's first query was 94.0 KB instead of 88.7 KB).
 */
export const SPLIT_PAGES = 1000;

/**
 * The pages of each bundle, in consecutive shares of `partPages` in file order (never empty; one
 * empty share for a site with no page); from `splitFrom` pages on, the articles' pages and the
 * others each in shares of their own. An edit changes the one bundle that holds its page, and an
 * incremental build writes only that one again (bundle-cache.ts): an article edit, the usual
 * change, then never rewrites the tables' pages.
 */
export function bundleShares<T extends { record: { url: string } }>(documents: readonly T[], partPages: number, splitFrom = SPLIT_PAGES): T[][] {
  const isArticle = (d: T) => ARTICLE_SECTIONS.some((s) => d.record.url.startsWith(s));
  const kinds = documents.length < splitFrom ? [documents] : [documents.filter((d) => !isArticle(d)), documents.filter(isArticle)];
  const shares = kinds.flatMap((kind) => Array.from({ length: Math.ceil(kind.length / partPages) }, (_, i) => kind.slice(i * partPages, (i + 1) * partPages)));
  return shares.length > 0 ? shares : [[]];
}

/**
 * cacheFile: where the pages' records are kept between builds (record-cache.ts), with the written
 * bundles in a folder beside it (bundle-cache.ts); none, no cache.
 */
export async function buildSearchIndex(siteDir: string, outputSubdir = 'pagefind', partPages = PART_PAGES, cacheFile?: string): Promise<IndexStats> {
  const cache = cacheFile === undefined ? undefined : readRecordCache(cacheFile);
  const encoded = await encodeSite(siteDir, outputSubdir, undefined, cache);
  const documents = encoded.flatMap(({ record, symbols }) => (record && symbols ? [{ record, symbols }] : []));
  const skipped = encoded.length - documents.length;
  const symbols = new Set<string>();
  for (const d of documents) for (const s of d.symbols) symbols.add(s);
  symbols.delete(QUOTE);
  // Every bundle declares the same characters, so that a query reads the same way in each.
  const includeCharacters = [...symbols].sort().join('');

  // The first bundle's folder is the index's folder: writeBundle empties it of any earlier index.
  const outputPath = path.join(siteDir, outputSubdir);
  const shares = bundleShares(documents, partPages);
  const parts = shares.length;
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= String(CHUNK_SIZE);
  // Page ids are unique across the bundles (write-bundle.ts).
  const taken = new Set<string>();
  const bundles: BundleCache | undefined = cacheFile === undefined ? undefined : { dir: path.join(path.dirname(cacheFile), 'search-bundles'), used: new Set(), restored: 0 };
  for (const [part, share] of shares.entries()) {
    await writeBundle(share.map((d) => d.record), path.join(outputPath, partPath(part)), taken, { includeCharacters, language: INDEX_LANGUAGE }, bundles);
  }
  if (bundles) pruneBundles(bundles);
  const manifest: PartsManifest = { parts: Array.from({ length: parts - 1 }, (_, i) => partPath(i + 1)) };
  fs.writeFileSync(path.join(outputPath, PARTS_FILE), `${JSON.stringify(manifest)}\n`);
  // The folding's table, for the browser to fold queries exactly as the pages were folded.
  fs.writeFileSync(path.join(outputPath, T2S_KEYS_FILE), `${JSON.stringify(encodeT2sKeys(t2sTable()))}\n`);
  fs.writeFileSync(path.join(outputPath, T2S_FILE), formatT2s(t2sTable()));
  if (cache) writeRecordCache(cacheFile, cache);
  return { pages: documents.length, skipped, outputPath, symbols: includeCharacters, parts, reused: bundles?.restored ?? 0 };
}
