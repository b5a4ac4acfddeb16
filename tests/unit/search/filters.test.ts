import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Filters } from '../../../src/search/browser/engine.ts';
import { extractPage } from '../../../src/search/build/extract.ts';
import { searchFilters, type SearchMeta } from '../../../src/search/shared/meta.ts';
import { indexAndOpen } from '../../support/search-site.ts';
import { writeTree } from '../../support/tree.ts';

/**
 * A page with its filters written as BaseLayout writes them: inside the indexed <main>, one element
 * per filter whose text is the value, in a hidden block that is not searchable text. (A <meta> in the
 * head without a name is not valid HTML.) The e2e search tests read the built pages in this form too.
 */
function page(title: string, meta: SearchMeta, words: string): string {
  const filters = searchFilters(meta)
    .map(([name, value]) => `<span data-pagefind-filter="${name}">${value}</span>`)
    .join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head><body><main data-pagefind-body><div hidden data-pagefind-ignore>${filters}</div><h1>${title}</h1><p>${words}</p></main></body></html>`;
}

describe('search filters given in the indexed region', () => {
  it('are read as filters and not as words', () => {
    const p = extractPage(page('节能新闻', { type: '新闻', zone: '温县', year: 2019 }, '余热回收'));
    expect(p.text).toBe('节能新闻\n余热回收');
    expect(p.filterTags).toEqual([
      '<span data-pagefind-filter="type">新闻</span>',
      '<span data-pagefind-filter="zone">温县</span>',
      '<span data-pagefind-filter="year">2019</span>',
    ]);
  });

  it('filter the built index by type, zone and year', async () => {
    const dir = writeTree(
      {
        'index.html': '<!doctype html><html><head><title>首页</title></head><body><main>首页</main></body></html>',
        'news/a/index.html': page('节能新闻', { type: '新闻', zone: '温县', year: 2019 }, '余热回收'),
        'enterprises/b/index.html': page('某某化工', { type: '企业', zone: '市直', year: [2019, 2020] }, '节能降耗'),
        'stories/c/index.html': page('节能经验', { type: '先进经验', zone: '温县', year: 2020 }, '节能改造'),
      },
      'portal-filters-',
    );
    const { pagefind, engine } = await indexAndOpen(dir);
    const urls = async (filters: Filters) => {
      const outcome = await engine.search('节能', filters);
      return (await engine.view(outcome, 0, 10)).map((r) => r.url).sort();
    };
    expect(await urls({})).toEqual(['/enterprises/b/', '/news/a/', '/stories/c/']);
    expect(await urls({ type: '企业' })).toEqual(['/enterprises/b/']);
    expect(await urls({ zone: '温县' })).toEqual(['/news/a/', '/stories/c/']);
    expect(await urls({ year: '2020' })).toEqual(['/enterprises/b/', '/stories/c/']);
    expect(await urls({ zone: '温县', year: '2019' })).toEqual(['/news/a/']);
    // The hidden block is no part of the words: a filter value alone finds nothing.
    expect((await engine.search('温县')).total).toBe(0);
    const outcome = await engine.search('余热');
    expect((await engine.view(outcome, 0, 1))[0]?.filters).toEqual({ type: ['新闻'], zone: ['温县'], year: ['2019'] });
    await pagefind.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
