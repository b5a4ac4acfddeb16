import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { builtPages, sitemapPages } from '../support/site-pages.ts';
import { BUILDS, htmlFile, onePerKind, pagesOf, type Build } from '../support/builds.ts';

// Static checks of every built HTML file: the Content-Security-Policy, links to other sites, and
// what search engines and chat apps read (canonical address, Open Graph, sitemap, robots.txt).

const tags = (html: string, name: string) => [...html.matchAll(new RegExp(`<${name}\\s[^>]*>`, 'gi'))].map((m) => m[0]);
const attrs = (tag: string) => Object.fromEntries([...tag.matchAll(/([\w:-]+)="([^"]*)"/g)].map((m) => [m[1]!.toLowerCase(), m[2]!]));
const meta = (html: string, key: string) => tags(html, 'meta').map(attrs).find((a) => a.property === key || a.name === key)?.content;
const unescape = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

for (const build of Object.keys(BUILDS) as Build[]) {
  test.describe(`${build} build`, () => {
    test.beforeEach(({}, info) => test.skip(info.project.name !== build, `files of the ${build} build`));
    const dist = BUILDS[build];
    const read = (page: string) => fs.readFileSync(htmlFile(build, page), 'utf8');

    test('a strict Content-Security-Policy on every page: scripts only from the site or by hash', () => {
      for (const page of pagesOf(build)) {
        const html = read(page);
        const csp = unescape(tags(html, 'meta').map(attrs).find((a) => a['http-equiv']?.toLowerCase() === 'content-security-policy')?.content ?? '');
        expect(csp, page).toContain("default-src 'self'");
        expect(csp, page).toContain("object-src 'none'");
        expect(csp, page).toContain("base-uri 'self'");
        const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src')) ?? '';
        // 'wasm-unsafe-eval' lets WebAssembly compile (Pagefind's search needs it) and runs no script text.
        const allowed = (source: string) => ["'self'", "'wasm-unsafe-eval'"].includes(source) || /^'sha256-[A-Za-z0-9+/=]+'$/.test(source);
        expect(scriptSrc.split(/\s+/).slice(1).filter((source) => !allowed(source)), page).toEqual([]);
        // Every inline script is one the policy names by hash (the browser would refuse the others).
        // (JSON data blocks are never run, so the policy does not cover them.)
        const own = new Set<string>();
        for (const [, text] of html.matchAll(/<script(?![^>]*\ssrc=)(?![^>]*type="application\/json")[^>]*>([\s\S]*?)<\/script>/g)) {
          const hash = `'sha256-${crypto.createHash('sha256').update(text!).digest('base64')}'`;
          expect(scriptSrc, `${page}: inline script not hashed`).toContain(hash);
          own.add(hash);
        }
        // And no other: a page's policy names only its own inline scripts and styles (not the whole site's).
        for (const [, text] of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)) own.add(`'sha256-${crypto.createHash('sha256').update(text!).digest('base64')}'`);
        expect(csp.split(/\s+/).filter((s) => /^'sha(256|384|512)-/.test(s) && !own.has(s.replace(/;$/, ''))), `${page}: hashes of code the page does not carry`).toEqual([]);
      }
    });

    test('each page\'s own policy (its own hashes only) lets the page run: no violation, charts drawn, the share dialog opened', async ({ page }) => {
      test.setTimeout(120_000);
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          const w = window as unknown as { violations?: string[] };
          (w.violations ??= []).push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
        });
      });
      for (const path of onePerKind(pagesOf(build))) {
        await page.goto(path, { waitUntil: 'networkidle' });
        const chart = page.locator('figure[data-chart]').first();
        if (await chart.count()) {
          // Charts are drawn as they come into view.
          await chart.scrollIntoViewIfNeeded();
          await expect(chart, `${path}: its first chart drawn`).toHaveAttribute('data-drawn', 'true');
        }
        const share = page.locator('[data-share]');
        if (await share.count()) {
          await share.click();
          await expect(page.getByRole('dialog', { name: '分享本页' }), path).toBeVisible();
          await page.keyboard.press('Escape');
        }
        expect(await page.evaluate(() => (window as unknown as { violations?: string[] }).violations ?? []), path).toEqual([]);
      }
    });

    test('links to other sites carry rel="noopener"', () => {
      for (const page of pagesOf(build)) {
        for (const a of tags(read(page), 'a').map(attrs)) {
          if (!/^(https?:)?\/\//.test(a.href ?? '')) continue;
          expect(a.rel?.split(/\s+/) ?? [], `${page}: ${a.href}`).toContain('noopener');
        }
      }
    });

    test('every page has a canonical address, a description and Open Graph title, description and image', () => {
      const site = new URL(unescape(/<link rel="canonical" href="([^"]+)"/.exec(read('/'))![1]!)).origin;
      for (const page of pagesOf(build)) {
        const html = read(page);
        const canonical = unescape(/<link rel="canonical" href="([^"]+)"/.exec(html)?.[1] ?? '');
        if (page === '/404.html') {
          // The 404 page answers for addresses that do not exist: no canonical address, not indexed.
          expect(canonical, page).toBe('');
          expect(meta(html, 'robots'), page).toBe('noindex');
          continue;
        }
        expect(canonical, page).toMatch(/^https?:\/\//);
        if (!page.endsWith('.html')) expect(new URL(canonical).pathname, page).toBe(encodeURI(page));
        expect(meta(html, 'description'), page).toBeTruthy();
        expect(meta(html, 'og:title'), page).toBeTruthy();
        expect(meta(html, 'og:description'), page).toBeTruthy();
        expect(meta(html, 'og:url'), page).toBe(canonical);
        const image = new URL(meta(html, 'og:image') ?? '');
        expect(image.origin, page).toBe(site);
        expect(fs.existsSync(path.join(dist, image.pathname)), `${page}: ${image}`).toBe(true);
      }
    });

    test('Open Graph images tell kinds of page apart, wide and square, at their stated sizes', async () => {
      const { default: sharp } = await import('sharp');
      const imagesOf = (html: string) => {
        const metas = tags(html, 'meta').map(attrs);
        const urls = metas.filter((a) => a.property === 'og:image').map((a) => new URL(unescape(a.content!)).pathname);
        const sizes = metas.filter((a) => a.property === 'og:image:width').map((a, i) => [Number(a.content), Number(metas.filter((m) => m.property === 'og:image:height')[i]!.content)]);
        return urls.map((url, i) => ({ url, size: sizes[i]! }));
      };
      const seen = new Set<string>();
      for (const page of ['/notices/', '/quota/', '/enterprises/', '/leaderboard/', '/data/'].map((prefix) => pagesOf(build).find((p) => p.startsWith(prefix))!)) {
        const images = imagesOf(read(page));
        expect(images.map((i) => i.size), page).toEqual([[1200, 630], [500, 500]]);
        for (const { url, size } of images) {
          const { width, height } = await sharp(path.join(dist, url)).metadata();
          expect([width, height], url).toEqual(size);
        }
        seen.add(images[0]!.url);
      }
      expect(seen.size, 'a picture for each kind').toBe(5);

      // A page with a photo of its own (a worker's portrait, a news item's or a story's first photo in
      // its text): pictures made from that photo first, wide and square JPEGs, then the kind's; a page
      // without one has only the kind's.
      const ownPhoto = (page: string) =>
        (/^\/workers\/[^/]+\/$/.test(page) && /<img[^>]+class="portrait/.test(read(page))) ||
        (/^\/(news|stories)\/[^/]+\/$/.test(page) && !page.startsWith('/news/page/') && /<div class="prose story-body"[^>]*>[\s\S]*?<img\b/.test(read(page)));
      const withPhoto = pagesOf(build).filter(ownPhoto);
      for (const page of withPhoto) {
        const images = imagesOf(read(page));
        expect(images.map((i) => i.size), page).toEqual([[1200, 630], [500, 500], [1200, 630], [500, 500]]);
        for (const { url, size } of images.slice(0, 2)) {
          expect(url, page).toMatch(/^\/og\/(workers|news|stories)\/[^/]+\.jpg$/);
          const { width, height, format, exif } = await sharp(path.join(dist, url)).metadata();
          expect([width, height, format, exif], url).toEqual([...size, 'jpeg', undefined]);
        }
      }
      if (build === 'demo') {
        expect(withPhoto.filter((p) => p.startsWith('/workers/')).length, 'the demo has workers with photos').toBeGreaterThan(0);
        expect(withPhoto.filter((p) => p.startsWith('/news/')).length, 'and a news item with a photo').toBeGreaterThan(0);
      }
      for (const page of pagesOf(build).filter((p) => /^\/(news|stories|workers)\/[^/]+\/$/.test(p) && !withPhoto.includes(p))) {
        expect(imagesOf(read(page)).map((i) => i.url).every((url) => url.endsWith('.png')), page).toBe(true);
      }
    });

    test('the sitemap lists exactly the built pages, and robots.txt names it', () => {
      expect(sitemapPages(dist)).toEqual(builtPages(dist));
      const robots = fs.readFileSync(path.join(dist, 'robots.txt'), 'utf8');
      expect(robots).toMatch(/^Sitemap: https?:\/\/[^/]+\/sitemap-index\.xml$/m);
      if (build === 'demo') {
        // examples/demo holds a draft and a news item dated 2099: neither is published nor listed.
        expect(sitemapPages(dist).filter((p) => /draft|scheduled/.test(p))).toEqual([]);
      }
    });
  });
}
