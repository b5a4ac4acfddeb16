/**
 * The index step's cache of written bundles between builds: each bundle's files, under a digest of
 * everything that decides them (its records in order, the characters it keeps, its language, the
 * chunk size, the code that writes it and Pagefind's version). Pagefind cannot update an index, only write one whole; so an
 * incremental build writes again only the bundles whose pages changed and takes the others from
 * here. A bundle is taken only when writing it afresh would give the same files: it needed no salt
 * (write-bundle.ts), and none of its ids is taken by an earlier bundle of this build.
 *
 * Files are hard links between the cache and the site (nothing edits a built file in place; the
 * next build replaces the site whole): taking a bundle of thousands of files then costs no copy.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CustomRecord } from 'pagefind';
import { codeVersion } from '../../build-cache/digest-cache.ts';

export interface BundleCache {
  dir: string;
  /** Keys this build wrote or took; the others are removed at the end (pruneBundles). */
  used: Set<string>;
  /** How many bundles were taken from the cache. */
  restored: number;
}

/** What a cached bundle needs besides its files. */
interface Entry {
  ids: string[];
  salts: number;
}
const ENTRY = 'bundle.json';

/** The code that decides a bundle's files besides its records: the writing and salting, and Pagefind itself. */
let writerVersion: string | undefined;

export function bundleKey(records: readonly CustomRecord[], options: Record<string, string>): string {
  writerVersion ??= codeVersion(['src/search/build/write-bundle.ts', 'src/search/build/bundle-cache.ts'], ['pagefind']);
  const hash = crypto.createHash('sha256').update(writerVersion).update(JSON.stringify(options));
  // Field by field, in one order: a record from the record cache lists its fields in another.
  for (const r of records) hash.update(JSON.stringify([r.url, r.content, r.language, r.meta, r.filters, r.sort])).update('\n');
  return hash.digest('base64url');
}

/** Hard-links every file of `from` into `to`, except the top-level names in `skip`; a copy where links cannot be made. */
function linkTree(from: string, to: string, skip: readonly string[] = []): void {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (skip.includes(entry.name)) continue;
    const a = path.join(from, entry.name);
    const b = path.join(to, entry.name);
    if (entry.isDirectory()) linkTree(a, b);
    else if (entry.isFile()) {
      try {
        fs.linkSync(a, b);
      } catch {
        fs.copyFileSync(a, b);
      }
    }
  }
}

/**
 * Puts the cached bundle `key` at `dir` (emptied first, as writing a bundle does) when it is what
 * writing it now would give (see above), and adds its ids to `taken`. Returns whether it did.
 */
export function restoreBundle(cache: BundleCache, key: string, dir: string, taken: Set<string>): boolean {
  const folder = path.join(cache.dir, key);
  let entry: Entry;
  try {
    entry = JSON.parse(fs.readFileSync(path.join(folder, ENTRY), 'utf8')) as Entry;
  } catch {
    return false; // none, or unreadable: written afresh
  }
  if (entry.salts !== 0 || entry.ids.some((id) => taken.has(id))) return false;
  fs.rmSync(dir, { recursive: true, force: true });
  linkTree(folder, dir, [ENTRY]);
  for (const id of entry.ids) taken.add(id);
  cache.used.add(key);
  cache.restored++;
  return true;
}

/** Keeps the bundle just written at `dir`, with its page ids and how many pages it had to salt. */
export function storeBundle(cache: BundleCache, key: string, dir: string, entry: Entry): void {
  const folder = path.join(cache.dir, key);
  const partial = `${folder}.partial-${process.pid}`;
  fs.rmSync(partial, { recursive: true, force: true });
  linkTree(dir, partial);
  fs.writeFileSync(path.join(partial, ENTRY), JSON.stringify(entry));
  fs.rmSync(folder, { recursive: true, force: true });
  fs.renameSync(partial, folder);
  cache.used.add(key);
}

/** Removes every cached bundle this build did not use: the cache holds exactly the site's bundles. */
export function pruneBundles(cache: BundleCache): void {
  if (!fs.existsSync(cache.dir)) return;
  for (const name of fs.readdirSync(cache.dir)) if (!cache.used.has(name)) fs.rmSync(path.join(cache.dir, name), { recursive: true, force: true });
}
