import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { FRONTMATTER_BLOCK } from '../input/markdown.ts';
import { beijingDate, beijingMoment } from '../model/publish.ts';
import { loadPortalData } from './site-cache.ts';
import { codeDigest } from './code-digest.ts';
import { buildTime, config } from './config.ts';

/**
 * Keys for Astro's incremental build (experimental.incrementalBuild): a page whose key is the same
 * as in the last build is copied from the cache instead of being rendered again. A page may show
 * anything of the site model (every table, every entry's frontmatter, the publication gate's date,
 * the settings), so the key is a digest of all of that, and of the code: the site's key changes on
 * any edit but one to a Markdown body. A body is read only by its own page (and by routes without a
 * key, which always render), so an article's page adds its own entry to the key.
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
  // The publication gate's day, where each 公示 stands at this hour (begun, over), and every
  // PORTAL_* setting as checked.
  const now = buildTime(settings).getTime();
  const publicity = loadPortalData(settings.contentRoot).publicity.map((p) => [p.id, beijingMoment(p.start).getTime() <= now, beijingMoment(p.end).getTime() <= now]);
  hash.update(JSON.stringify({ day: beijingDate(buildTime(settings)), publicity, settings }));
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
