import { describe, expect, it } from 'vitest';
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
