/**
 * The index step's cache between builds: each page's encoded record by the digest of its HTML, so
 * that an incremental build reads and encodes again only the pages that changed (Pagefind still
 * writes the whole index: it has no incremental update). The cache is dropped whole when the
 * encoding's code changes, so an entry is always what encoding the page afresh would give.
 */
import type { CustomRecord } from 'pagefind';
import { codeVersion, readDigestCache, writeDigestCache } from '../../build-cache/digest-cache.ts';

/** A page as encoded for the index, without its address (a moved page keeps its entry); null: not searchable. */
export type CachedRecord = { record: Omit<CustomRecord, 'url'>; symbols: string[] } | null;

export interface RecordCache {
  version: string;
  pages: Map<string, CachedRecord>;
}

/** The encoding's code: the files that decide what a page's record is (and the folding table's and parser's packages). */
const recordVersion = () => codeVersion(['src/search/build', 'src/search/shared'], ['opencc-js', 'htmlparser2']);

export function readRecordCache(file: string | undefined): RecordCache {
  const version = recordVersion();
  return { version, pages: readDigestCache<CachedRecord>(file, version) };
}

/** Keeps exactly the pages of this build. */
export function writeRecordCache(file: string | undefined, cache: RecordCache): void {
  writeDigestCache(file, cache.version, cache.pages);
}
