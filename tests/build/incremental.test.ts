import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentCacheDir } from '../../src/astro/config.ts';
import { buildSite, compareTrees } from '../../tools/build-site.ts';

/**
 * An edit published by an incremental build (pages whose cache key is unchanged copied from the
 * last build) gives the same site, byte for byte, as a cold build of the edited content: an edit
 * to one article, to a story with a chart (its body is rendered by the content loader and its
 * chart drawn from the tables), and to a table that most pages read, where a page kept from the
 * cache would be stale without a word; and the daily build of a new publication day.
 */
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-incremental-'));
const root = path.join(work, 'site');
for (const dir of ['content', 'data', 'files']) fs.cpSync(path.join('examples/demo', dir), path.join(root, dir), { recursive: true });
const env = { PORTAL_CONTENT: root, PORTAL_NOW: '2024-06-01', PORTAL_DEMO: '1' };
const cache = path.resolve(contentCacheDir(root)!);

function build(name: string, cold: boolean, day = env.PORTAL_NOW): { dir: string; output: string } {
  if (cold) fs.rmSync(cache, { recursive: true, force: true });
  const dir = path.join(work, name);
  // Bundles of 20 pages, as the demo build has them: an edit leaves most of them as they were.
  const result = buildSite(dir, { ...env, PORTAL_NOW: day }, process.cwd(), { partPages: 20 });
  if (result.status !== 0) throw new Error(`build ${name} failed:\n${result.output}`);
  return { dir, output: result.output };
}

/** Builds warm, then cold, and returns both (the cold build leaves the cache for the next warm one). */
function warmAndCold(name: string, day?: string) {
  const warm = build(`${name}-warm`, false, day);
  const cold = build(`${name}-cold`, true, day);
  return { warm, cold, diff: compareTrees(warm.dir, cold.dir) };
}

const edit = (file: string, change: (text: string) => string) => {
  const full = path.join(root, file);
  fs.writeFileSync(full, change(fs.readFileSync(full, 'utf8')));
};
const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), 'utf8');

afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
  fs.rmSync(cache, { recursive: true, force: true });
});

// Each test builds the demo twice: on a busy machine a build takes a minute or more.
describe('an incremental build', { timeout: 600_000 }, () => {
  build('first', true);

  it('publishes an edit to one article, and one to a story with a chart, as a cold build would, rendering again only what it must', () => {
    const news = fs.readdirSync(path.join(root, 'content/news')).sort()[0]!;
    edit(`content/news/${news}`, (text) => `${text}\n\n增量发布测试：新加的一段。\n`);
    // A story's body is rendered by the content loader and its chart drawn from the tables.
    const story = '2023-qinglan-dianjie';
    edit(`content/stories/${story}.mdx`, (text) => text.replace('<EnterpriseEnergyChart', '增量发布测试：图表前新加的一段。\n\n<EnterpriseEnergyChart'));
    const { warm, diff } = warmAndCold('article');
    expect(diff).toEqual({ files: diff.files, onlyA: [], onlyB: [], differ: [] });
    // The other articles came from the cache; the edited one was rendered again.
    expect(warm.output).toMatch(/\(restored\)/);
    // The index bundles without the article were taken from the last build, not written again.
    expect(warm.output).toMatch(/分 \d+ 个索引包，其中 [1-9]\d* 个与上次相同、未重新生成/);
    expect(read(warm.dir, `news/${news.replace(/\.md$/, '')}/index.html`)).toContain('增量发布测试：新加的一段。');
    expect(read(warm.dir, `stories/${story}/index.html`)).toMatch(/增量发布测试：图表前新加的一段。[\s\S]*<figure[^>]*data-chart/);
  });

  it('publishes a new day that reaches a date of the site (a news item\'s) as a cold build of that day would', () => {
    // The demo's news item of 2024-07-09 is not yet published on 2024-06-01 (the builds above).
    const reached = '2024-07-09';
    const news = fs.readdirSync(path.join(root, 'content/news')).find((f) => f.startsWith(reached))!.replace(/\.md$/, '');
    const first = warmAndCold('day-reached', reached);
    expect(first.diff).toEqual({ files: first.diff.files, onlyA: [], onlyB: [], differ: [] });
    expect(read(first.warm.dir, `news/${news}/index.html`)).toContain('<h1');
  });

  it('takes every page with a key from the cache on a new day that reaches no date of the site', () => {
    // Eleven days after the last build (the cold one above), no date of the demo's files or tables
    // lies between: the pages with a key come from the cache; the pages without one (which print
    // the day) are drawn again. The site is still what a cold build of that day gives.
    const quiet = warmAndCold('day-quiet', '2024-07-20');
    expect(quiet.diff).toEqual({ files: quiet.diff.files, onlyA: [], onlyB: [], differ: [] });
    // The routes with a key (src/astro/cache-key.ts): an article's or an enterprise's page, and the news list's later pages.
    const keyed = /^(news|stories|enterprises)\/(?!index\.html$)/;
    // Astro's list of the pages it wrote, one a line, "(restored)" after those taken from the cache.
    const pages = [...quiet.warm.output.replace(/\x1b\[[0-9;]*m/g, '').matchAll(/[├└]─ \/(\S+)(.*)/g)].filter(([, page]) => keyed.test(page!));
    expect(pages.length).toBeGreaterThan(20);
    expect(pages.filter(([, , note]) => !/\((?:restored|cached)\)/.test(note!)).map(([, page]) => page)).toEqual([]);
    // And the day is printed where it is due.
    expect(read(quiet.warm.dir, 'index.html')).toContain('2024年7月20日');
  });

  it('publishes an edit to a table that most pages read as a cold build would', () => {
    const [header, first, ...rows] = fs.readFileSync(path.join(root, 'data/enterprises.csv'), 'utf8').split('\n');
    const [id, name] = first!.split(',');
    edit('data/enterprises.csv', () => [header, first!.replace(name!, `${name}（改名）`), ...rows].join('\n'));
    const { warm, diff } = warmAndCold('table');
    expect(diff).toEqual({ files: diff.files, onlyA: [], onlyB: [], differ: [] });
    expect(read(warm.dir, `enterprises/${id}/index.html`)).toContain(`${name}（改名）`);
  });
});
