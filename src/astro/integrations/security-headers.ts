import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The HTTP headers the server sends with the built site. The pages carry their Content-Security-Policy
 * in a <meta> tag that Astro writes, with hashes of the inline scripts and styles that change with
 * the code; a <meta> policy cannot forbid framing (frame-ancestors), and documents under /files/
 * have no <meta> at all. So the policy is read from the built pages and written as headers:
 * dist/_headers for static hosts that read one (Netlify, Cloudflare Pages), and an nginx include
 * (deploy/nginx.conf says where the deploy puts it).
 */

/** Written into the built site; nginx does not serve either of them (deploy/nginx.conf). */
export const STATIC_HOST_HEADERS = '_headers';
export const NGINX_HEADERS = '_nginx-headers.conf';

const COMMON: [string, string][] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
];

/**
 * Documents under /files/ are never pages of the portal: nothing in them may run on its origin.
 * Chrome refuses to show a PDF under a sandboxing policy (crbug.com/413851), so for nginx a PDF
 * (whose first bytes were checked, sent as application/pdf with nosniff) gets no sandbox, only
 * no sources at all but its viewer's inline styles. The static hosts' _headers merge every rule
 * that matches a path, so it cannot give PDFs a looser rule: there all of /files/ is sandboxed.
 */
export const FILES_POLICY = "default-src 'none'; sandbox";
export const PDF_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

type Directive = [name: string, sources: string[]];

/**
 * The CMS at /admin/ has a policy of its own (src/pages/admin/index.astro writes it: inline styles,
 * blob: and data: images, the git host's API), looser than the pages' and for that path only.
 */
export const ADMIN_DIR = 'admin';

/**
 * The policy of one page's <meta http-equiv="content-security-policy">, or undefined. Only the
 * <head> is read: a browser ignores such a tag in the body (and the body is most of a page).
 */
export function pagePolicy(html: string): string | undefined {
  const end = html.search(/<\/head\s*>/i);
  for (const tag of (end === -1 ? html : html.slice(0, end)).match(/<meta\b[^>]*>/gi) ?? []) {
    if (!/\bhttp-equiv\s*=\s*["']?content-security-policy["'\s>/]/i.test(tag)) continue;
    const content = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag);
    if (content) return decodeEntities(content[1] ?? content[2] ?? '');
  }
  return undefined;
}

export function parsePolicy(policy: string): Directive[] {
  return policy
    .split(';')
    .map((d) => d.trim().split(/\s+/).filter(Boolean))
    .filter((d) => d.length > 0)
    .map(([name, ...sources]) => [name!.toLowerCase(), sources]);
}

export function formatPolicy(directives: readonly Directive[]): string {
  return directives.map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

const isHash = (source: string) => /^'sha(256|384|512)-[A-Za-z0-9+/=]+'$/.test(source);

/**
 * One policy for every page. Pages differ only in the hashes of their own inline scripts and
 * styles: the header allows the union of them (each page's <meta> still allows only its own, and
 * a browser enforces both). Any other difference is a mistake in the code, and stops the build.
 */
export function mergePolicies(pages: readonly { page: string; policy: string }[]): string {
  if (pages.length === 0) throw new Error('No built page carries a Content-Security-Policy <meta> tag');
  const first = pages[0]!;
  const merged = parsePolicy(first.policy).map(([name, sources]): Directive => [name, [...sources]]);
  const shape = (directives: readonly Directive[]) => JSON.stringify(directives.map(([name, sources]) => [name, sources.filter((s) => !isHash(s))]));
  for (const { page, policy } of pages.slice(1)) {
    const directives = parsePolicy(policy);
    if (shape(directives) !== shape(merged)) {
      throw new Error(`The Content-Security-Policy of ${page} differs from that of ${first.page} in more than its hashes:\n  ${policy}\n  ${first.policy}`);
    }
    directives.forEach(([, sources], i) => {
      const into = merged[i]![1];
      for (const s of sources) if (isHash(s) && !into.includes(s)) into.push(s);
    });
  }
  return formatPolicy(merged);
}

/** Inline scripts a browser runs (not JSON data blocks, not external ones) and inline style elements. */
const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)(?![^>]*\stype="(?!module"|text\/javascript")[^"]*")[^>]*>([\s\S]*?)<\/script>/gi;
const INLINE_STYLE = /<style\b[^>]*>([\s\S]*?)<\/style>/gi;
const CSP_META = /(<meta http-equiv="content-security-policy" content=")([^"]*)(")/i;

/**
 * A page's policy allowing only its own inline scripts and styles. Astro writes into every page the
 * hashes of every inline script and style of the whole site (over thirty, 1.2 KB of a page's gzip
 * size, sent before anything else); a page needs those of its own. Only hashes are removed, never
 * added: a page's script or style missed here would be refused by the browser, which the
 * end-to-end tests (tests/e2e/site-wide/security-sharing.spec.ts) check for every page. The
 * pages' text is searched by pattern, not parsed: Astro writes these elements one way, and a
 * parser would cost seconds on a site of tens of thousands of pages.
 */
export function ownHashesOnly(html: string): string {
  const digest = (text: string) => `'sha256-${crypto.createHash('sha256').update(text).digest('base64')}'`;
  const own = new Set([...html.matchAll(INLINE_SCRIPT), ...html.matchAll(INLINE_STYLE)].map((m) => digest(m[1]!)));
  return html.replace(CSP_META, (_, start: string, policy: string, end: string) => {
    const directives = parsePolicy(decodeEntities(policy)).map(([name, sources]): Directive => [name, sources.filter((s) => !isHash(s) || own.has(s))]);
    return `${start}${formatPolicy(directives).replace(/&/g, '&amp;').replace(/"/g, '&quot;')}${end}`;
  });
}

/** The pages' policy as a header: framing by other sites is forbidden as well (clickjacking). */
export function sitePolicy(pagesPolicy: string): string {
  const directives = parsePolicy(pagesPolicy).filter(([name]) => name !== 'frame-ancestors');
  return formatPolicy([...directives, ['frame-ancestors', ["'none'"]]]);
}

/** dist/_headers, as Netlify and Cloudflare Pages read it. */
export function staticHostHeaders(policy: string, adminPolicy?: string): string {
  const block = (pathPattern: string, headers: [string, string][]) => [pathPattern, ...headers.map(([k, v]) => `  ${k}: ${v}`)].join('\n');
  return [
    '# Written by the build (src/astro/integrations/security-headers.ts) from the built pages: do not edit.',
    block('/*', [['Content-Security-Policy', policy], ...COMMON]),
    // Matches after /*: both rules apply, and a second Content-Security-Policy only restricts further.
    block('/files/*', [['Content-Security-Policy', FILES_POLICY]]),
    // "! Name" detaches the /* rule's header (Cloudflare Pages), as two policies would both apply.
    ...(adminPolicy ? [block(`/${ADMIN_DIR}/*`, [['! Content-Security-Policy', ''], ['Content-Security-Policy', adminPolicy], ['X-Robots-Tag', 'noindex']]).replace(/: $/m, '')] : []),
    '',
  ].join('\n');
}

/**
 * The nginx include, inside `server { }`. add_header in a location replaces every add_header of
 * the server, so each location repeats the cache header of deploy/nginx.conf ($portal_cache_control).
 */
export function nginxHeaders(policy: string, adminPolicy?: string): string {
  const lines = (headers: [string, string][], indent: string) =>
    [['Cache-Control', '$portal_cache_control'] as [string, string], ...headers].map(([k, v]) => `${indent}add_header ${k} ${k === 'Cache-Control' ? v : nginxString(v)}${k === 'Cache-Control' ? '' : ' always'};`);
  return [
    '# Written by the build (src/astro/integrations/security-headers.ts) from the built pages: do not edit.',
    '# Included by deploy/nginx.conf inside server { }.',
    ...lines([['Content-Security-Policy', policy], ...COMMON], ''),
    '',
    'location /files/ {',
    ...lines([['Content-Security-Policy', FILES_POLICY], ...COMMON], '    '),
    '',
    // A regular expression location inside this one is matched before the server's: repeat its no-dotfiles rule.
    '    location ~ /\\. {',
    '        return 404;',
    '    }',
    '    location ~* \\.pdf$ {',
    ...lines([['Content-Security-Policy', PDF_POLICY], ...COMMON], '        '),
    '    }',
    '}',
    ...(adminPolicy
      ? ['', `location /${ADMIN_DIR}/ {`, ...lines([['Content-Security-Policy', adminPolicy], ['X-Robots-Tag', 'noindex'], ...COMMON], '    '), '}']
      : []),
    '',
  ].join('\n');
}

/** Bytes of a page read for its policy: its <head> (about 6 KB on the portal's pages) and room to spare. */
const HEAD_BYTES = 64 * 1024;

/**
 * The start of a file, up to HEAD_BYTES, as text (a character cut at the end does not matter: the
 * policy comes before). One buffer serves every page, read into and decoded before the next: a
 * fresh one a page was 1.3 GB of zeroed memory at 20,000 pages.
 */
function readHead(file: string, buffer: Buffer): string {
  const fd = fs.openSync(file, 'r');
  try {
    return buffer.toString('utf8', 0, fs.readSync(fd, buffer, 0, HEAD_BYTES, 0));
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Reads the policies of the pages under distDir (each page already carries only its own hashes:
 * src/middleware.ts) and writes _headers and the nginx include there. Runs after Astro's build;
 * the search index (dist/pagefind), written later, holds no pages. Only each page's <head> is read,
 * where a browser takes the policy from.
 */
export function writeHeaders(distDir: string): { policy: string; pages: number } {
  const buffer = Buffer.allocUnsafe(HEAD_BYTES);
  const all = fs
    .readdirSync(distDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((page) => {
      const head = readHead(path.join(distDir, page), buffer);
      if (!/<\/head\s*>/i.test(head)) throw new Error(`${page} has no </head> in its first ${HEAD_BYTES / 1024} KB`);
      const policy = pagePolicy(head);
      if (policy === undefined) throw new Error(`${page} carries no Content-Security-Policy <meta> tag`);
      return { page, policy };
    });
  const isAdmin = ({ page }: { page: string }) => page.split(path.sep)[0] === ADMIN_DIR;
  const pages = distinctPolicies(all.filter((p) => !isAdmin(p)));
  const admin = distinctPolicies(all.filter(isAdmin));
  const policy = sitePolicy(mergePolicies(pages));
  const adminPolicy = admin.length > 0 ? sitePolicy(mergePolicies(admin)) : undefined;
  fs.writeFileSync(path.join(distDir, STATIC_HOST_HEADERS), staticHostHeaders(policy, adminPolicy));
  fs.writeFileSync(path.join(distDir, NGINX_HEADERS), nginxHeaders(policy, adminPolicy));
  return { policy, pages: all.length - admin.length };
}

/**
 * Each policy once, with the first page that carries it. Most pages carry the same policy, and
 * merging a policy a second time adds nothing: merged once, the union is the same, in the same order.
 */
function distinctPolicies(pages: readonly { page: string; policy: string }[]): { page: string; policy: string }[] {
  const first = new Map<string, { page: string; policy: string }>();
  for (const p of pages) if (!first.has(p.policy)) first.set(p.policy, p);
  return [...first.values()];
}

function nginxString(value: string): string {
  if (/["\\$\r\n]/.test(value)) throw new Error(`Header value cannot be written for nginx: ${value}`);
  return `"${value}"`;
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|quot|apos|lt|gt);/gi, (m, e: string) => {
    const named: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' };
    if (e[0] !== '#') return named[e.toLowerCase()] ?? m;
    return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });
}
