import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { FRONTMATTER_BLOCK } from '../input/markdown.ts';
import { loadSite } from './site-cache.ts';
import type { Site } from '../model/site.ts';
import { codeDigest } from './code-digest.ts';
import { buildTime, config } from './config.ts';

/**
 * Keys for Astro's incremental build (experimental.incrementalBuild): a page whose key is the same
 * as in the last build is copied from the cache instead of being rendered again. A page may show
 * anything of the site model (every table, every entry's frontmatter, what the publication day
 * decides, the settings), so the key is a digest of all of that, and of the code: the site's key
 * changes on any edit but one to a Markdown body. A body is read only by its own page (and by
 * routes without a key, which always render), so an article's page adds its own entry to the key.
 */
let siteKey: string | undefined;

/** The key every keyed page shares. */
export function siteCacheKey(): string {
  siteKey ??= digestSite();
  return siteKey;
}

/** The key of a page that renders one Markdown entry. */
export function entryCacheKey(entry: { id: string; body?: string; digest?: string | number }): string {
  const own = entry.digest ?? crypto.createHash('sha256').update(entry.body ?? '').digest('hex');
  return `${siteCacheKey()}:${entry.id}:${own}`;
}

/** Markdown and MDX bodies are left out of the site's digest: the frontmatter is what other pages read. */
const MARKDOWN = /\.mdx?$/;
/** What of a Markdown file other pages can read: its frontmatter block, as the reader finds it (after a BOM, which its decoder drops). */
const frontmatter = (text: string): string => FRONTMATTER_BLOCK.exec(text.replace(/^\uFEFF/, ''))?.[0] ?? '';

function digestSite(): string {
  const settings = config();
  const hash = crypto.createHash('sha256');
  // What the publication day decides (not the day itself: see dayOutcome), and every PORTAL_*
  // setting as checked but the pinned day.
  const { now: _now, ...rest } = settings;
  hash.update(JSON.stringify({ day: dayOutcome(loadSite(settings.contentRoot, buildTime(settings))), settings: rest }));
  const add = (dir: string): void => {
    if (!fs.existsSync(dir)) return;
    for (const file of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
      const full = path.join(dir, file);
      if (!fs.statSync(full).isFile()) continue;
      const bytes = fs.readFileSync(full);
      hash.update(`\0${file}\0`).update(MARKDOWN.test(file) ? frontmatter(bytes.toString('utf8')) : bytes);
    }
  };
  // The editors' files (the project folder itself is the default root: only its content folders).
  for (const folder of ['content', 'data', 'files']) add(path.join(settings.contentRoot, folder));
  // The code that draws pages, and the packages it runs on.
  hash.update(codeDigest());
  return hash.digest('hex').slice(0, 32);
}

/** The model's fields that name the build's day or moment itself, rather than what it decides. */
const DAY_ITSELF = new Set(['now', 'today', 'todayText']);

/**
 * What the publication day decides, without the day: a digest of the whole site model (the gate's
 * outcome, each 公示's stage at this hour, every deadline's and step's status, the corrections
 * shown) leaving out the fields that name the day or the moment. The pages that print those
 * (the home page, 参赛指南, the results) have no key and always render; a keyed page sees the day
 * only through the model. So a new day that carries nothing across a date of the site, the daily
 * build's usual case, keeps every key, and one that does (a news item's date reached, a deadline
 * passed) changes them all. Objects are digested once each, however often the model refers to them.
 */
export function dayOutcome(site: Site): string {
  const memo = new Map<object, string>();
  const open = new Set<object>();
  const walk = (value: unknown): string => {
    if (value === undefined) return 'u';
    if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(value);
    if (typeof value !== 'object') throw new Error(`cache key: the site model holds a ${typeof value}, which cannot be digested`);
    const known = memo.get(value);
    if (known !== undefined) return known;
    if (open.has(value)) throw new Error('cache key: the site model refers to itself');
    open.add(value);
    let text: string;
    if (value instanceof Date) text = `D${value.toISOString()}`;
    else if (value instanceof Map) text = `M[${[...value].map(([k, v]) => `${walk(k)}:${walk(v)}`).join(',')}]`;
    else if (value instanceof Set) text = `S[${[...value].map(walk).join(',')}]`;
    else if (Array.isArray(value)) text = `A[${value.map(walk).join(',')}]`;
    else text = `O{${Object.entries(value).filter(([k]) => !DAY_ITSELF.has(k)).map(([k, v]) => `${JSON.stringify(k)}:${walk(v)}`).join(',')}}`;
    open.delete(value);
    const digest = crypto.createHash('sha256').update(text).digest('base64url');
    memo.set(value, digest);
    return digest;
  };
  return walk(site);
}
