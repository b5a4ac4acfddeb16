import fs from 'node:fs';
import path from 'node:path';
import { pageUrlOfFile } from '../src/model/urls.ts';

/**
 * Checks the built site: every internal link and every picture, script, style sheet or download a
 * page points at resolves to a file in dist/, and every #anchor to an id on its page. Pages, feeds
 * (RSS) and sitemaps are read; addresses on the site's own origin (canonical links, feed and
 * sitemap entries) count as internal.
 */
export interface BrokenLink {
  /** The page (or feed, sitemap, style sheet) holding the link, as its address: "/notices/x/". */
  page: string;
  /** The link as written. */
  target: string;
  /** Why it does not resolve, in Chinese. */
  reason: string;
}

export interface LinkReport {
  /** Files read for links. */
  files: number;
  /** Links checked (each occurrence). */
  links: number;
  broken: BrokenLink[];
}

const ATTRIBUTE = /\s(href|src|poster|srcset|data-src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;
const ID = /\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;
const XML_URL = /<(?:loc|link|guid[^>]*|comments)>\s*([^<\s]+)\s*<\/|<(?:atom:)?link\b[^>]*?\shref\s*=\s*"([^"]*)"/gi;
const CSS_URL = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"]*))\s*\)/gi;
const ERROR_PAGE = /^(404|500)(\/index)?\.html$/;
/** Not links to follow: elsewhere on the web, or not a place at all. */
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

export function checkLinks(dist: string, options: { site?: string } = {}): LinkReport {
  const files = listFiles(dist);
  const existing = new Set(files);
  const origin = siteOrigin(dist, options.site);
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let set = ids.get(file);
    if (!set) {
      set = new Set<string>();
      const html = stripNonMarkup(fs.readFileSync(path.join(dist, file), 'utf8'));
      for (const m of html.matchAll(ID)) set.add(decodeEntities(m[1] ?? m[2] ?? m[3] ?? ''));
      ids.set(file, set);
    }
    return set;
  };

  const broken: BrokenLink[] = [];
  let read = 0;
  let links = 0;
  for (const file of files) {
    const targets = linksIn(dist, file);
    if (targets === undefined) continue;
    read++;
    const page = pageUrlOfFile(file);
    for (const raw of targets) {
      const target = decodeEntities(raw.trim());
      if (target === '') continue;
      let internal = target;
      if (EXTERNAL.test(target)) {
        if (!origin || !target.startsWith(origin + '/')) continue;
        internal = target.slice(origin.length);
      }
      links++;
      let url: URL;
      try {
        url = new URL(internal, `http://site${page}`);
      } catch {
        broken.push({ page, target, reason: '地址写法不正确' });
        continue;
      }
      let pathname: string;
      try {
        pathname = decodeURIComponent(url.pathname);
      } catch {
        broken.push({ page, target, reason: '地址中的 % 编码不正确' });
        continue;
      }
      const resolved = resolveFile(pathname, existing);
      if (resolved === undefined) {
        broken.push({ page, target, reason: `网站中没有 ${pathname} 这个文件或网页` });
        continue;
      }
      const fragment = decodeFragment(url.hash);
      if (fragment && fragment !== 'top' && resolved.endsWith('.html') && !idsOf(resolved).has(fragment)) {
        broken.push({ page, target, reason: `网页 ${pageUrlOfFile(resolved)} 上没有 id 为“${fragment}”的位置` });
      }
    }
  }
  return { files: read, links, broken };
}

/**
 * The editor's file a page is made from, when the address follows the content layout
 * (/news/x/ from content/news/x.md or .mdx), so the report can say which file to open.
 */
export function sourceFinder(root: string): (page: string) => string | undefined {
  return (page) => {
    const m = /^\/([a-z]+)\/([^/]+)\/$/.exec(page);
    if (!m) return undefined;
    return ['.md', '.mdx'].map((ext) => `content/${m[1]}/${m[2]}${ext}`).find((f) => fs.existsSync(path.join(root, f)));
  };
}

export function formatBrokenLinks(report: LinkReport, sourceOf: (page: string) => string | undefined = () => undefined): string {
  const byPage = new Map<string, BrokenLink[]>();
  for (const b of report.broken) byPage.set(b.page, [...(byPage.get(b.page) ?? []), b]);
  const out = [`链接检查发现 ${report.broken.length} 个失效链接（共检查 ${report.files} 个文件中的 ${report.links} 个站内链接）：`];
  for (const [page, list] of byPage) {
    const source = sourceOf(page);
    out.push('', `网页 ${page}${source ? `（由 ${source} 生成）` : ''}`);
    for (const b of list) out.push(`  → ${b.target}：${b.reason}`);
  }
  out.push(
    '',
    '改法：链接写在 Markdown 正文里时，打开生成这个网页的文件，把地址改成网站上存在的网页（如 /news/2024-03-15-jingsai-qidong/）',
    '或 files/ 下的文件（如 /files/方案.pdf）；图片放在 Markdown 文件旁边，用 ./ 开头的相对路径引用。',
  );
  return out.join('\n');
}

/** The links a file holds, or undefined for a file that holds none we read. */
function linksIn(dist: string, file: string): string[] | undefined {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.html') {
    let html = stripNonMarkup(fs.readFileSync(path.join(dist, file), 'utf8'));
    // An error page is served at every missing address: its own canonical address means nothing.
    if (ERROR_PAGE.test(file)) html = html.replace(/<link\b[^>]*\brel\s*=\s*["']?canonical\b[^>]*>/gi, '');
    const out: string[] = [];
    for (const m of html.matchAll(ATTRIBUTE)) {
      const value = m[2] ?? m[3] ?? m[4] ?? '';
      if (m[1]!.toLowerCase() === 'srcset') out.push(...value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? ''));
      else out.push(value);
    }
    return out;
  }
  if (ext === '.xml' || ext === '.rss' || ext === '.atom') {
    const xml = fs.readFileSync(path.join(dist, file), 'utf8').replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
    return [...xml.matchAll(XML_URL)].map((m) => m[1] ?? m[2] ?? '').filter((u) => u !== '');
  }
  if (ext === '.css') {
    const css = fs.readFileSync(path.join(dist, file), 'utf8');
    return [...css.matchAll(CSS_URL)].map((m) => m[1] ?? m[2] ?? m[3] ?? '').filter((u) => !u.startsWith('data:'));
  }
  return undefined;
}

/** Comments, scripts and styles hold text that looks like attributes but is none. */
function stripNonMarkup(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/(<script\b[^>]*>)[\s\S]*?<\/script>/gi, '$1</script>')
    .replace(/(<style\b[^>]*>)[\s\S]*?<\/style>/gi, '$1</style>');
}

/** The file an address is served from, the way static hosts do it (trailing slash or not). */
function resolveFile(pathname: string, existing: ReadonlySet<string>): string | undefined {
  const rel = pathname.replace(/^\/+/, '');
  const candidates = pathname.endsWith('/') ? [`${rel}index.html`] : [rel, `${rel}/index.html`, `${rel}.html`];
  return candidates.find((c) => existing.has(c));
}

function siteOrigin(dist: string, site?: string): string | undefined {
  const given = site ?? canonicalOf(dist);
  if (!given) return undefined;
  try {
    return new URL(given).origin;
  } catch {
    return undefined;
  }
}

function canonicalOf(dist: string): string | undefined {
  const home = path.join(dist, 'index.html');
  if (!fs.existsSync(home)) return undefined;
  return /<link\b[^>]*rel="canonical"[^>]*href="([^"]+)"/i.exec(fs.readFileSync(home, 'utf8'))?.[1];
}

function listFiles(dist: string): string[] {
  return fs
    .readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(dist, path.join(d.parentPath, d.name)).split(path.sep).join('/'))
    .sort();
}

function decodeFragment(hash: string): string {
  const raw = hash.replace(/^#/, '');
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}
