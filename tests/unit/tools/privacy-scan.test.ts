import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { digest } from '../../../src/build-cache/digest-cache.ts';
import { findPrivateNumbersInBuild } from '../../../tools/privacy-scan.ts';
import { writeTree } from '../../support/tree.ts';

const site = (files: Record<string, string>) => writeTree(files, 'portal-privacy-scan-');

describe('the built site holds no private number', () => {
  it('finds numbers behind entities, tags, attributes, JSON and escaped HTML in a feed', () => {
    const dir = site({
      'index.html': '<p>联系 &#49;38&#x30;0138&#65296;00</p><p>欢迎</p>',
      'news/a/index.html': '<p>电话 138<strong>0013</strong>8000</p><img alt="卡号 6222 0212 3456 7894" src="a.jpg">',
      'data/teams.json': JSON.stringify([{ id: 'a', name: '车间（１３９１２３４５６７８）' }]),
      'data/workers.csv': 'id,name\nwang-wu,王五 11010519491231002X\n',
      'rss.xml': '<rss><item><description>&lt;p&gt;+86 139&lt;em&gt;1234&lt;/em&gt;5678&lt;/p&gt;</description></item></rss>',
      'robots.txt': 'User-agent: *\n',
    });
    expect(findPrivateNumbersInBuild(dir)).toEqual([
      { file: 'data/teams.json', kind: 'mobile', masked: '139****5678' },
      { file: 'data/workers.csv', kind: 'id-card', masked: '110105********002X' },
      { file: 'index.html', kind: 'mobile', masked: '138****8000' },
      { file: 'news/a/index.html', kind: 'mobile', masked: '138****8000' },
      { file: 'news/a/index.html', kind: 'bank-card', masked: '6222********7894' },
      { file: 'rss.xml', kind: 'mobile', masked: '139****5678' },
    ]);
  });

  it('does not join figures from neighbouring cells, and skips the search index and bundles', () => {
    const dir = site({
      'results/index.html': '<table><tr><td>138</td><td>0013</td><td>8000</td></tr><tr><td>1</td><td>3800138000</td></tr></table>',
      'pagefind/pagefind-entry.json': '{"note":"13800138000"}',
      '_astro/page.json': '{"note":"13800138000"}',
      'page.js': 'const phone = "13800138000";',
    });
    expect(findPrivateNumbersInBuild(dir)).toEqual([]);
  });

  it('reports a number once per file', () => {
    const dir = site({ 'a.html': '<title>13800138000</title><meta content="13800138000"><p>13800138000</p>' });
    expect(findPrivateNumbersInBuild(dir)).toEqual([{ file: 'a.html', kind: 'mobile', masked: '138****8000' }]);
  });
});

describe('the publication check keeps the files it found clean between builds', () => {
  const cacheFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'portal-privacy-cache-')), 'cache.json');
  const saved = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string; entries: [string, true][] };
  const clean = { 'index.html': '<p>首页</p>', 'news/a/index.html': '<p>新闻</p>', 'data/teams.json': '[{"name":"班组"}]' };

  it('skips a file only while its bytes are those found clean: a changed file of the same name is read again', () => {
    const dir = site(clean);
    const cache = cacheFile();
    expect(findPrivateNumbersInBuild(dir, cache)).toEqual([]);
    expect(saved(cache).entries).toHaveLength(3);
    fs.writeFileSync(path.join(dir, 'news/a/index.html'), '<p>新闻，电话 138<b>0013</b>8000</p>');
    expect(findPrivateNumbersInBuild(dir, cache)).toEqual([{ file: 'news/a/index.html', kind: 'mobile', masked: '138****8000' }]);
  });

  it('takes a file whose bytes are in the cache as clean without reading it', () => {
    const dir = site(clean);
    const cache = cacheFile();
    findPrivateNumbersInBuild(dir, cache);
    // A cache that says so of a file carrying a number (no build writes one): only the cache can pass it.
    const dirty = '<p>电话 13800138000</p>';
    const { version, entries } = saved(cache);
    fs.writeFileSync(cache, JSON.stringify({ version, entries: [...entries, [`markup ${digest(dirty)}`, true]] }));
    fs.mkdirSync(path.join(dir, 'workers/b'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'workers/b/index.html'), dirty);
    expect(findPrivateNumbersInBuild(dir, cache)).toEqual([]);
    // The same bytes read another way (plain text, not markup) are another entry, scanned afresh.
    fs.writeFileSync(path.join(dir, 'notes.txt'), dirty);
    expect(findPrivateNumbersInBuild(dir, cache)).toEqual([{ file: 'notes.txt', kind: 'mobile', masked: '138****8000' }]);
  });

  it('keys a file by how it is read: bytes clean as text are scanned again as a page', () => {
    const bytes = '电话 &#49;3800138000';
    const cache = cacheFile();
    expect(findPrivateNumbersInBuild(site({ 'index.html': '<p>首页</p>', 'robots.txt': bytes }), cache)).toEqual([]);
    expect(findPrivateNumbersInBuild(site({ 'index.html': '<p>首页</p>', 'news/a/index.html': bytes }), cache)).toEqual([{ file: 'news/a/index.html', kind: 'mobile', masked: '138****8000' }]);
  });

  it('keeps exactly the clean files of the last clean run, and nothing after a refused one', () => {
    const cache = cacheFile();
    findPrivateNumbersInBuild(site(clean), cache);
    const before = fs.readFileSync(cache, 'utf8');
    const refused = site({ ...clean, 'data/workers.csv': 'id,name\nwang-wu,王五 11010519491231002X\n' });
    expect(findPrivateNumbersInBuild(refused, cache)).toHaveLength(1);
    expect(fs.readFileSync(cache, 'utf8')).toBe(before);
    findPrivateNumbersInBuild(site({ 'index.html': '<p>首页</p>' }), cache);
    expect(saved(cache).entries.map(([key]) => key)).toEqual([`markup ${digest('<p>首页</p>')}`]);
  });

  it('ignores a corrupt cache and one written by other code, and finds the numbers as without one', () => {
    const files = { ...clean, 'news/b/index.html': '<p>电话 13800138000</p>' };
    const expected = findPrivateNumbersInBuild(site(files));
    expect(expected).toHaveLength(1);
    const cache = cacheFile();
    fs.writeFileSync(cache, '{"version":');
    expect(findPrivateNumbersInBuild(site(files), cache)).toEqual(expected);
    const entries = Object.entries(files).map(([file, text]) => [`${file.endsWith('.json') ? 'json' : 'markup'} ${digest(text)}`, true]);
    fs.writeFileSync(cache, JSON.stringify({ version: 'other code', entries }));
    expect(findPrivateNumbersInBuild(site(files), cache)).toEqual(expected);
    // And a clean run replaces it with this code's own.
    findPrivateNumbersInBuild(site(clean), cache);
    expect(saved(cache).version).not.toBe('other code');
  });
});
