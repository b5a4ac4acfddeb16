import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFrontmatter } from '../../src/input/markdown.ts';
import { checkLinks, formatBrokenLinks } from '../../tools/links.ts';
import { CONTENT } from '../../src/input/schema/frontmatter.ts';
import { buildSite, listFiles } from '../../tools/build-site.ts';
import { checkDeterminism } from '../../tools/check-determinism.ts';

/**
 * The fictional demo campaign, built as CI builds it, on a pinned day (PORTAL_NOW): twice, to
 * prove the output byte-identical; then every output it produced is searched for the demo's
 * drafts and future-dated items, and every link in it followed.
 *
 * Outputs this branch does not produce yet (news and story pages, RSS, sitemap, /data/ downloads,
 * the Pagefind index) are looked for by what they are, not by a list: a check whose output is
 * missing is reported as skipped, with "NOT VERIFIED" in its name, instead of passing.
 */
const DEMO = 'examples/demo';
const NOW = '2025-01-01';

/** The demo's items that must appear nowhere, and one published item of each kind as a control. */
const HELD_BACK = [
  'content/news/2024-11-01-draft.md',
  'content/news/2099-01-01-scheduled.md',
  'content/stories/2024-draft-story.mdx',
].map(item);
const CONTROL = { news: item('content/news/2024-10-15-news-12.md'), story: item('content/stories/2023-hongyuan-yure.mdx') };

/** What identifies an item in any output: its address, title, summary and the first line of its text. */
function item(file: string) {
  const collection = file.split('/')[1] as 'news' | 'stories';
  const read = readFrontmatter(fs.readFileSync(path.join(DEMO, file)), file, CONTENT[collection].schema);
  if (!read.data) throw new Error(`${file}: ${JSON.stringify(read.problems)}`);
  const id = path.basename(file).replace(/\.mdx?$/, '');
  const text = (read.body ?? '').split('\n').map((l) => l.trim()).find((l) => l !== '') ?? '';
  return {
    file,
    id,
    url: `/${collection}/${id}/`,
    markers: [`/${collection}/${id}`, read.data.title, read.data.summary, text].filter((m): m is string => !!m),
  };
}

let dist = '';
let work = '';
let files: string[] = [];
let determinism: ReturnType<typeof checkDeterminism>;

/**
 * A file's text, gunzipped when it is compressed (Pagefind's index and fragments are), without
 * the zero-width spaces Pagefind puts between Chinese words ("草稿​消息").
 */
function textOf(file: string, dir = dist): string {
  const bytes = fs.readFileSync(path.join(dir, file));
  const plain = bytes[0] === 0x1f && bytes[1] === 0x8b ? zlib.gunzipSync(bytes) : bytes;
  return plain.toString('utf8').replace(/\u200b/g, '');
}

function leaks(list: string[], dir = dist) {
  return list.flatMap((file) => {
    const text = textOf(file, dir);
    return HELD_BACK.flatMap((h) => h.markers.filter((m) => text.includes(m) || file.includes(h.id)).map((m) => `${file} 含有 ${h.file} 的“${m}”`));
  });
}

const kinds = {
  pages: (f: string) => f.endsWith('.html'),
  feeds: (f: string) => /\.(xml|rss|atom)$/.test(f) && !/sitemap/.test(f) && /<(rss|feed)\b/.test(textOf(f)),
  sitemaps: (f: string) => /sitemap[^/]*\.xml$/.test(f),
  downloads: (f: string) => f.startsWith('data/'),
  search: (f: string) => f.startsWith('pagefind/'),
};
const of = (kind: keyof typeof kinds) => files.filter(kinds[kind]);

beforeAll(() => {
  determinism = checkDeterminism(DEMO, NOW, true);
  dist = determinism.a;
  work = determinism.work;
  files = listFiles(dist);
}, 300_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('the demo, built twice from the same commit', () => {
  it('is byte-identical (second build from another path, with a cold cache)', () => {
    expect({ onlyA: determinism.onlyA, onlyB: determinism.onlyB, differ: determinism.differ }).toEqual({ onlyA: [], onlyB: [], differ: [] });
    expect(determinism.files).toBeGreaterThan(20);
  });

  it('says 示例 on every page, also when built from a copy whose path does not say "examples" (PORTAL_DEMO)', () => {
    const pages = of('pages');
    expect(pages.length).toBeGreaterThan(20);
    for (const dir of [dist, determinism.b]) expect(pages.filter((f) => !textOf(f, dir).includes('class="demo-banner"'))).toEqual([]);
  });

  it('has no broken internal link, picture or anchor', () => {
    const report = checkLinks(dist);
    expect(report.broken, formatBrokenLinks(report)).toEqual([]);
    expect(report.links).toBeGreaterThan(100);
  });
});

describe(`drafts and future-dated items appear in no output (PORTAL_NOW=${NOW})`, () => {
  it('no file of any kind names them, in its path or its text', () => {
    // Except the repository the demo's CMS starts from (built only for the demo, with its test
    // backend): editors' files as they are, drafts included, so a visitor sees 草稿 and 定时发布.
    const repo = 'admin/demo-repo.json';
    expect(Object.keys(JSON.parse(textOf(repo)))).toContain('content/news/2024-11-01-draft.md');
    expect(leaks(files.filter((f) => f !== repo))).toEqual([]);
  });

  it('pages: no page for them, and no list or chart mentions them', () => {
    expect(leaks(of('pages'))).toEqual([]);
    for (const h of HELD_BACK) expect(files).not.toContain(`${h.url.slice(1)}index.html`);
  });

  // The controls prove the checks can fail: the published items of the same kinds are there.
  for (const [kind, control] of Object.entries(CONTROL)) {
    it(`pages: the published ${kind} ${control.id} has its page (control)`, (ctx) => {
      if (!files.some((f) => f.startsWith(`${control.url.split('/')[1]}/`) && f !== `${control.url.split('/')[1]}/index.html`)) {
        ctx.skip(`NOT VERIFIED: no ${kind} pages in this build yet`);
      }
      expect(files).toContain(`${control.url.slice(1)}index.html`);
    });
  }

  it('RSS/Atom feeds leave them out, and carry the published news', () => {
    expect(of('feeds').length, 'this build has feeds').toBeGreaterThan(0);
    expect(leaks(of('feeds'))).toEqual([]);
    expect(of('feeds').some((f) => textOf(f).includes(CONTROL.news.markers[1]!))).toBe(true);
  });

  it('sitemaps leave them out', () => {
    expect(of('sitemaps').length, 'this build has sitemaps').toBeGreaterThan(0);
    expect(leaks(of('sitemaps'))).toEqual([]);
  });

  it('open-data downloads (/data/) leave them out', () => {
    expect(of('downloads').length, 'this build has downloads').toBeGreaterThan(0);
    expect(leaks(of('downloads'))).toEqual([]);
  });

  it('the search index (/pagefind/) leaves them out, and holds the published news', () => {
    expect(of('search').length, 'this build has search').toBeGreaterThan(0);
    expect(leaks(of('search'))).toEqual([]);
    // By address: the index may hold the text in its own encoding, but each record names its page.
    expect(of('search').some((f) => textOf(f).includes(CONTROL.news.url))).toBe(true);
  });

  it('the search for them would find them: in a path, a page, a gzipped Pagefind fragment (self-test)', () => {
    const fake = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-leak-'));
    const draft = HELD_BACK[0]!;
    const write = (file: string, bytes: string | Buffer) => {
      fs.mkdirSync(path.dirname(path.join(fake, file)), { recursive: true });
      fs.writeFileSync(path.join(fake, file), bytes);
    };
    write('news/index.html', `<a href="${draft.url}">x</a>`);
    write('pagefind/fragment/zh-cn_0.pf_fragment', zlib.gzipSync(`pagefind_dcd{"content":"${[...draft.markers[1]!].join('\u200b')}"}`));
    write(`${draft.url.slice(1)}index.html`, '');
    const found = leaks(listFiles(fake), fake);
    fs.rmSync(fake, { recursive: true, force: true });
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^news\/index\.html 含有/),
        expect.stringMatching(/^pagefind\/fragment\/zh-cn_0\.pf_fragment 含有 .*“草稿消息（示例）”/),
        expect.stringMatching(/^news\/2024-11-01-draft\/index\.html 含有/),
      ]),
    );
  });

  it('reports which outputs this build has', () => {
    const found = Object.fromEntries(Object.keys(kinds).map((k) => [k, of(k as keyof typeof kinds).length]));
    const missing = Object.entries(found).filter(([, n]) => n === 0).map(([k]) => k);
    if (missing.length > 0) console.warn(`NOT VERIFIED (no such output in this build): ${missing.join(', ')}`);
    expect(found.pages).toBeGreaterThan(0);
  });

  it('a scheduled item appears once its day has come', (ctx) => {
    const scheduled = HELD_BACK[1]!;
    const section = scheduled.url.split('/')[1]!;
    if (!files.some((f) => f.startsWith(`${section}/`) && f !== `${section}/index.html`)) ctx.skip(`NOT VERIFIED: no ${section} pages in this build yet`);
    const later = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-later-'));
    try {
      const { status, output } = buildSite(later, { PORTAL_CONTENT: DEMO, PORTAL_DEMO: '1', PORTAL_NOW: '2099-01-01' });
      expect(status, output).toBe(0);
      expect(fs.existsSync(path.join(later, scheduled.url, 'index.html'))).toBe(true);
    } finally {
      fs.rmSync(later, { recursive: true, force: true });
    }
  });
});
