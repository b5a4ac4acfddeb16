/**
 * The index step's cache between builds: each page's encoded record by the digest of its HTML, so
 * that an incremental build reads and encodes again only the pages that changed (Pagefind still
 * writes the whole index: it has no incremental update). The cache is dropped whole when the
 * encoding's code changes, so an entry is always what encoding the page afresh would give.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CustomRecord } from 'pagefind';

/** A page as encoded for the index, without its address (a moved page keeps its entry); null: not searchable. */
export type CachedRecord = { record: Omit<CustomRecord, 'url'>; symbols: string[] } | null;

export interface RecordCache {
  version: string;
  pages: Map<string, CachedRecord>;
}

export const digest = (bytes: Buffer): string => crypto.createHash('sha256').update(bytes).digest('base64url');

/** The encoding's code: the files that decide what a page's record is (and the folding table's package). */
function codeVersion(): string {
  const hash = crypto.createHash('sha256');
  for (const dir of ['.', '../shared']) {
    const folder = path.join(import.meta.dirname, dir);
    for (const name of fs.readdirSync(folder).filter((n) => n.endsWith('.ts')).sort()) hash.update(name).update(fs.readFileSync(path.join(folder, name)));
  }
  for (const pkg of ['opencc-js', 'htmlparser2']) hash.update(pkg).update(fs.readFileSync(path.join(import.meta.dirname, '../../../node_modules', pkg, 'package.json')));
  return hash.digest('hex');
}

export function readRecordCache(file: string | undefined): RecordCache {
  const version = codeVersion();
  if (!file || !fs.existsSync(file)) return { version, pages: new Map() };
  try {
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string; pages: [string, CachedRecord][] };
    return { version, pages: saved.version === version ? new Map(saved.pages) : new Map() };
  } catch {
    return { version, pages: new Map() }; // unreadable: as if there were none
  }
}

/** Keeps exactly the pages of this build. */
export function writeRecordCache(file: string | undefined, cache: RecordCache): void {
  if (!file) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ version: cache.version, pages: [...cache.pages] }));
}
