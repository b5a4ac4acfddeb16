import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FILES_POLICY, mergePolicies, NGINX_HEADERS, ownHashesOnly, pagePolicy, STATIC_HOST_HEADERS, writeHeaders } from '../../../src/astro/integrations/security-headers.ts';
import { writeTree } from '../../support/tree.ts';

const hash = (text: string) => `sha256-${crypto.createHash('sha256').update(text).digest('base64')}`;
// Hashes of the inline code the test pages carry (SHELL on every page, HOME and NEWS on one each).
const SHELL = 'shell()';
const STYLE = 'p{color:red}';
const [AAAA, SSSS, HOME, NEWS] = [hash(SHELL), hash(STYLE), hash('home()'), hash('news()')];
const BASE = `default-src 'self';img-src 'self' data:;object-src 'none'; script-src 'self' '${AAAA}' ; style-src 'self' '${SSSS}'`;
const meta = (policy: string, body = '') =>
  `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="${policy}"><title>t</title><script>${SHELL}</script><style>${STYLE}</style></head><body>${body}</body></html>`;

const dist = (pages: Record<string, string>) => writeTree(pages, 'portal-headers-');

describe('the pages’ Content-Security-Policy as headers', () => {
  it('reads the policy of a page’s <meta>, entities decoded', () => {
    expect(pagePolicy(meta("default-src &#39;self&#39;"))).toBe("default-src 'self'");
    expect(pagePolicy('<meta name="description" content="x">')).toBeUndefined();
  });

  it('reads it from the <head> only, where a browser takes it from', () => {
    const inBody = `<!doctype html><html><head><title>t</title></HEAD><body><meta http-equiv="content-security-policy" content="default-src *"></body></html>`;
    expect(pagePolicy(inBody)).toBeUndefined();
    expect(pagePolicy(meta("default-src 'self'").replace('</head>', '</head><body><meta http-equiv="content-security-policy" content="default-src *">'))).toBe("default-src 'self'");
  });

  it('allows the hashes of every page, and adds frame-ancestors', () => {
    const dir = dist({
      'index.html': meta(BASE.replace(`'${AAAA}'`, `'${AAAA}' '${HOME}' '${NEWS}'`), '<script type="module">home()</script>'),
      'news/index.html': meta(BASE.replace(`'${AAAA}'`, `'${AAAA}' '${HOME}' '${NEWS}'`), '<script>news()</script><script type="application/json">{}</script>'),
      '404.html': meta(BASE),
    });
    const { policy, pages } = writeHeaders(dir);
    expect(pages).toBe(3);
    expect(policy).toBe(
      `default-src 'self'; img-src 'self' data:; object-src 'none'; script-src 'self' '${AAAA}' '${HOME}' '${NEWS}'; style-src 'self' '${SSSS}'; frame-ancestors 'none'`,
    );
    // The pages are read, not written (their policies are cut as they are rendered: src/middleware.ts).
    expect(fs.readFileSync(path.join(dir, '404.html'), 'utf8')).toBe(meta(BASE));
    const headers = fs.readFileSync(path.join(dir, STATIC_HOST_HEADERS), 'utf8');
    expect(headers).toContain(`/*\n  Content-Security-Policy: ${policy}\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n`);
    expect(headers).toContain(`/files/*\n  Content-Security-Policy: ${FILES_POLICY}\n`);
    const nginx = fs.readFileSync(path.join(dir, NGINX_HEADERS), 'utf8');
    expect(nginx).toContain(`add_header Content-Security-Policy "${policy}" always;`);
    expect(nginx).toContain('add_header X-Content-Type-Options "nosniff" always;');
    expect(nginx).toMatch(/location \/files\/ \{\n(    add_header .*\n)*    add_header Content-Security-Policy "default-src 'none'; sandbox" always;/);
    // Every location repeats the cache header, since a location's add_header replaces the server's.
    expect(nginx.match(/add_header Cache-Control \$portal_cache_control;/g)).toHaveLength(3);
  });

  it('leaves a page the hashes of its own inline scripts and styles, and nothing else changed', () => {
    const page = meta(BASE.replace(`'${AAAA}'`, `'${AAAA}' '${HOME}' 'wasm-unsafe-eval'`).replace(/'/g, '&#39;'), '<script src="/x.js"></script><script type="application/json">home()</script>');
    const trimmed = ownHashesOnly(page);
    expect(pagePolicy(trimmed)).toBe(`default-src 'self'; img-src 'self' data:; object-src 'none'; script-src 'self' '${AAAA}' 'wasm-unsafe-eval'; style-src 'self' '${SSSS}'`);
    expect(trimmed.replace(/content="[^"]*"/, '')).toBe(page.replace(/content="[^"]*"/, ''));
    // Its own hashes only removed, never added.
    expect(pagePolicy(ownHashesOnly(meta("script-src 'self'")))).toBe("script-src 'self'");
  });

  it('stops when pages differ in more than their hashes, or a page has no policy', () => {
    expect(() =>
      mergePolicies([
        { page: 'index.html', policy: BASE },
        { page: 'news/index.html', policy: BASE.replace("object-src 'none'", "object-src 'self'") },
      ]),
    ).toThrow(/news\/index\.html differs from that of index\.html/);
    expect(() => writeHeaders(dist({ 'index.html': meta(BASE), 'x/index.html': '<html><head></head></html>' }))).toThrow(/x\/index\.html carries no Content-Security-Policy/);
    // The policy is read from the page's start: a page whose <head> does not end there is refused, not misread.
    const long = meta(BASE).replace('<title>', `<title>${'题'.repeat(40_000)}`);
    expect(() => writeHeaders(dist({ 'index.html': meta(BASE), 'y/index.html': long }))).toThrow(/y\/index\.html has no <\/head> in its first 64 KB/);
  });
});

describe('the CMS at /admin/', () => {
  const ADMIN = "default-src 'self';img-src 'self' data: blob:;connect-src 'self' data: blob: https://git.example.org; script-src 'self' 'sha256-AAAA'; style-src 'self' 'unsafe-inline'";

  it('has a policy of its own, for its path only, as a header too', () => {
    const dir = dist({ 'index.html': meta(BASE), 'admin/index.html': meta(ADMIN) });
    const { policy } = writeHeaders(dir);
    expect(policy).not.toContain('unsafe-inline');
    const admin = "default-src 'self'; img-src 'self' data: blob:; connect-src 'self' data: blob: https://git.example.org; script-src 'self' 'sha256-AAAA'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";
    const headers = fs.readFileSync(path.join(dir, STATIC_HOST_HEADERS), 'utf8');
    // The /* rule's policy is detached there: two policies would both be enforced.
    expect(headers).toContain(`/admin/*\n  ! Content-Security-Policy\n  Content-Security-Policy: ${admin}\n  X-Robots-Tag: noindex\n`);
    const nginx = fs.readFileSync(path.join(dir, NGINX_HEADERS), 'utf8');
    expect(nginx).toMatch(new RegExp(`location /admin/ \\{\\n    add_header Cache-Control \\$portal_cache_control;\\n    add_header Content-Security-Policy "${admin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" always;\\n    add_header X-Robots-Tag "noindex" always;`));
  });

  it('adds nothing for a site without it', () => {
    const dir = dist({ 'index.html': meta(BASE) });
    writeHeaders(dir);
    expect(fs.readFileSync(path.join(dir, STATIC_HOST_HEADERS), 'utf8')).not.toContain('/admin/');
    expect(fs.readFileSync(path.join(dir, NGINX_HEADERS), 'utf8')).not.toContain('/admin/');
  });
});
