import { describe, expect, it } from 'vitest';
import { extractPage } from '../../../src/search/build/extract.ts';
import { indexDocument, urlOf } from '../../../src/search/build/indexer.ts';
import { searchFilters } from '../../../src/search/shared/meta.ts';

const doc = (head: string, body: string) => `<!doctype html><html lang="zh-CN"><head><title>页 - 站</title>${head}</head><body>${body}</body></html>`;

describe('extractPage', () => {
  it('reads only the marked body, without navigation, footers and ignored parts', () => {
    const p = extractPage(
      doc(
        '<meta data-pagefind-filter="type[content]" content="企业">',
        `<header><a href="/">节能导航</a></header>
         <main data-pagefind-body><nav>面包屑</nav><h1>蒙牛<em>乳业</em></h1>
           <p>所属赛区 <a href="#">市直</a></p><ul><li>一</li><li>二</li></ul>
           <div data-pagefind-ignore>不要</div><script>var x</script></main>
         <footer>页脚</footer>`,
      ),
    );
    expect(p.indexed).toBe(true);
    expect(p.title).toBe('蒙牛乳业');
    expect(p.text).toBe('蒙牛乳业\n所属赛区 市直\n一\n二');
    expect(p.filterTags).toEqual(['<meta data-pagefind-filter="type[content]" content="企业">']);
  });

  it('keeps inline elements together and separates blocks', () => {
    const p = extractPage(doc('', '<main data-pagefind-body><p><strong>（一）比管理水平。</strong>严格遵守</p><table><tr><td>温县</td><td>8</td></tr></table></main>'));
    expect(p.text).toBe('（一）比管理水平。严格遵守\n温县\n8');
  });

  it('leaves out pages without data-pagefind-body', () => {
    expect(extractPage(doc('', '<main><h1>搜索</h1></main>')).indexed).toBe(false);
  });

  it('falls back to the document title and decodes entities', () => {
    const p = extractPage(doc('', '<main data-pagefind-body><p>A &amp; B &lt;C&gt;</p></main>'));
    expect(p.title).toBe('页 - 站');
    expect(p.text).toBe('A & B <C>');
  });
});

describe('index document', () => {
  it('hands Pagefind our words as they are, with the filters and sort keys', () => {
    const page = extractPage(doc('<meta data-pagefind-filter="year[content]" content="2019">', '<main data-pagefind-body><h1>T</h1><p>A &amp; <b>节能</b></p></main>'));
    const { record } = indexDocument(page, '/news/a/');
    expect(record).toMatchObject({ url: '/news/a/', language: 'und', filters: { year: ['2019'] }, sort: {}, meta: {} });
    expect(record.content.split(' ')).toContain('&');
    expect(record.content.split(' ')).toContain('节能');
  });

  it('turns file paths into URLs', () => {
    expect(urlOf('index.html')).toBe('/');
    expect(urlOf('notices/a/index.html')).toBe('/notices/a/');
  });

  it('turns the layout prop into filters', () => {
    expect(searchFilters({ type: '企业', zone: '温县', year: [2019, 2020] })).toEqual([
      ['type', '企业'],
      ['zone', '温县'],
      ['year', '2019'],
      ['year', '2020'],
    ]);
    expect(searchFilters({})).toEqual([]);
  });
});
