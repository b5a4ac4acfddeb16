import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSteps } from '../../../tools/build-site.ts';
import { pathToFileURL } from 'node:url';
import { loadPagefind } from '../../../tools/search-bench/pagefind-node.ts';
import { SearchEngine } from '../../../src/search/browser/engine.ts';
import { buildSearchIndex, encodeSite, htmlFiles, indexDocument, readSite } from '../../../src/search/build/indexer.ts';
import { openBundles } from '../../../src/search/shared/parts.ts';
import { digest } from '../../../src/build-cache/digest-cache.ts';
import { readRecordCache } from '../../../src/search/build/record-cache.ts';
import { childProcesses } from '../../../src/search/build/pagefind-service.ts';

const scripts = (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;

/** A tiny built site: two searchable pages, one that is not, and an old index folder to skip. */
function site(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-index-'));
  const page = (file: string, body: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), `<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`);
  };
  page('index.html', '<main>首页，不参与搜索</main>');
  page('news/a/index.html', '<main data-pagefind-body><h1>节能新闻</h1><p>余热回收</p></main>');
  page('enterprises/b/index.html', '<main data-pagefind-body><h1>某某化工</h1><p>节能降排放（示例）</p></main>');
  page('pagefind/old/index.html', '<main data-pagefind-body>旧索引里的页面</main>');
  return dir;
}

describe('the search index step of npm run build', () => {
  it('npm run build and build:demo run every step through buildSite, as buildSteps lists them', () => {
    expect(scripts.build).toBe('node tools/build.ts');
    // The demo is indexed in bundles of 20 pages, so that the browser tests search across merged bundles.
    // Its public address is a made-up one of its own, so its pages carry QR codes to test.
    expect(scripts['build:demo']).toBe('PORTAL_CONTENT=examples/demo PORTAL_DEMO=1 PORTAL_SITE=https://demo.jzsbljj.example.org node tools/build.ts dist-demo --part-pages 20');
    expect(buildSteps('out', process.cwd(), { partPages: 20 }).map(([name, args]) => [name, path.relative(process.cwd(), args[0]!), ...args.slice(1)])).toEqual([
      ['astro build', path.join('node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', 'out'],
      ['search index', path.join('tools', 'search-index.ts'), 'out', '--part-pages', '20'],
      ['publication check', path.join('tools', 'check-output.ts'), 'out'],
    ]);
  });

  it('encodes on worker threads exactly what reading the pages one by one gives, in file order', async () => {
    const dir = site();
    const serial = readSite(dir);
    for (const threads of [1, 2, 3]) {
      const encoded = await encodeSite(dir, 'pagefind', threads);
      expect(encoded.map((e) => e.file)).toEqual(htmlFiles(dir, 'pagefind'));
      const searchable = encoded.filter((e) => e.record);
      expect(searchable.map((e) => e.record)).toEqual(serial.indexed.map((p) => indexDocument(p.page, p.url).record));
      expect(encoded.length - searchable.length).toBe(serial.skipped);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('takes a page whose HTML is unchanged from the cache, encodes the others afresh, and keeps exactly this site in it', async () => {
    const dir = site();
    const file = path.join(dir, 'enterprises/b/index.html');
    const cache = readRecordCache(undefined);
    await encodeSite(dir, 'pagefind', 2, cache);
    expect(cache.pages.size).toBe(3);
    // A cached entry is used as it is: changed by hand here, it shows in the result.
    const key = digest(fs.readFileSync(file));
    const entry = cache.pages.get(key)!;
    cache.pages.set(key, { ...entry, record: { ...entry.record, content: '缓存' } });
    fs.appendFileSync(path.join(dir, 'news/a/index.html'), '<!-- 改过 -->');
    const again = await encodeSite(dir, 'pagefind', 2, cache);
    const fresh = await encodeSite(dir, 'pagefind', 2);
    expect(again.find((e) => e.file.startsWith('enterprises'))!.record).toMatchObject({ url: '/enterprises/b/', content: '缓存' });
    expect(again.filter((e) => !e.file.startsWith('enterprises'))).toEqual(fresh.filter((e) => !e.file.startsWith('enterprises')));
    expect(cache.pages.size).toBe(3);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('leaves no Pagefind process behind', async () => {
    const dir = site();
    await buildSearchIndex(dir, 'pagefind');
    expect(childProcesses('pagefind')).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a folder without a built site, in Chinese, and exits non-zero', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-index-empty-'));
    const run = spawnSync(process.execPath, ['tools/search-index.ts', dir], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('中没有生成好的网站（缺少 index.html），请先运行 astro build。');
    expect(fs.existsSync(path.join(dir, 'pagefind'))).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('indexes a built site into <folder>/pagefind/ and reports what it took in', () => {
    const dir = site();
    fs.mkdirSync(path.join(dir, 'news/c'));
    fs.writeFileSync(path.join(dir, 'news/c/index.html'), '<!doctype html><html><body><main data-pagefind-body><h1>又一条新闻</h1></main></body></html>');
    // The bundles of an earlier run of this test may be in the project's cache: then they are said to be taken back.
    const reused = '(，其中 \\d 个与上次相同、未重新生成)?';
    const run = spawnSync(process.execPath, ['tools/search-index.ts', dir], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^搜索索引：收录 3 个页面（1 个页面不参与搜索(，索引与上次相同、未重新生成)?），用时 \d+ ms/);
    expect(fs.existsSync(path.join(dir, 'pagefind', 'pagefind-entry.json'))).toBe(true);
    const split = spawnSync(process.execPath, ['tools/search-index.ts', '--part-pages', '1', dir], { encoding: 'utf8' });
    expect(split.stdout).toMatch(new RegExp(`^搜索索引：收录 3 个页面（1 个页面不参与搜索，分 3 个索引包${reused}），用时 \\d+ ms`));
    const wrong = spawnSync(process.execPath, ['tools/search-index.ts', dir, '--part-pages', '0'], { encoding: 'utf8' });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('搜索索引：--part-pages 应为正整数，实际为“0”。');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a site larger than one bundle is written as several, and a search finds pages in every one', async () => {
    const dir = site();
    // A third bundle: the parts after the first are fetched at once (openBundles).
    fs.mkdirSync(path.join(dir, 'stories/d'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'stories/d/index.html'), '<!doctype html><html><body><main data-pagefind-body><h1>节能故事</h1><p>余热发电</p></main></body></html>');
    const stats = await buildSearchIndex(dir, 'pagefind', 1);
    expect(stats.parts).toBe(3);
    const bundle = path.join(dir, 'pagefind');
    const manifest = JSON.parse(fs.readFileSync(path.join(bundle, 'parts.json'), 'utf8'));
    expect(manifest).toEqual({ parts: ['part-2/', 'part-3/'] });
    const symbols = (part: string) => JSON.parse(fs.readFileSync(path.join(bundle, part, 'pagefind-entry.json'), 'utf8')).include_characters;
    expect(symbols('part-2')).toEqual(symbols(''));
    expect(symbols('part-3')).toEqual(symbols(''));

    const { pagefind } = await loadPagefind(bundle);
    await openBundles(pagefind, pathToFileURL(`${bundle}/`).href, manifest);
    const engine = new SearchEngine(pagefind, new Set(symbols('')));
    const urls = async (q: string) => {
      const outcome = await engine.search(q);
      return (await engine.view(outcome, 0, 10)).map((r) => r.url).sort();
    };
    expect(await urls('节能')).toEqual(['/enterprises/b/', '/news/a/', '/stories/d/']);
    expect(await urls('余热')).toEqual(['/news/a/', '/stories/d/']);
    expect(await urls('发电')).toEqual(['/stories/d/']);
    expect(await urls('降排放（示例）')).toEqual(['/enterprises/b/']);
    expect(await urls('节排')).toEqual([]);
    await pagefind.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
