import { describe, expect, it } from 'vitest';
import { extractPage } from '../../../src/search/build/extract.ts';
import { extractPageParse5 } from '../../support/extract-parse5.ts';

const doc = (head: string, body: string) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>页 - 站</title>${head}</head><body>${body}</body></html>`;

/** Pages with every construct the reading treats apart, written the way the site's layouts write them and some not. */
const PAGES: Record<string, string> = {
  layout: doc(
    '<link rel="stylesheet" href="/a.css"><script>var s = "<main data-pagefind-body>";</script>',
    `<a class="skip" href="#main">跳到正文</a><header><nav><a href="/">首页</a></nav><form action="/search/"><label>搜索<input name="q"></label></form></header>
     <main id="main" class="wrap" tabindex="-1" data-pagefind-body><div hidden data-pagefind-ignore><span data-pagefind-filter="type">新闻</span><span data-pagefind-filter="year">2019</span><span data-pagefind-filter="year">2020</span></div>
     <nav aria-label="面包屑"><ol><li><a href="/">首页</a></li></ol></nav><article><h1>关于<em>节能</em>减排的通知</h1><p>焦工文〔2019〕27号&nbsp;&amp;&lt;示例&gt;</p>
     <table><caption>名额</caption><thead><tr><th>赛区</th><th>名额</th></tr></thead><tbody><tr><td>温县</td><td>8</td></tr></tbody></table>
     <ul><li>一<li>二</ul><p>第一段<br>第二行</p><pre>
  保留  空格
</pre><svg><title>图</title><text>不要</text></svg><noscript><p>无脚本</p></noscript><template><p>模板</p></template>
     <figure><img src="a.png" alt="图片"><figcaption>图注</figcaption></figure><details><summary>展开</summary>内容</details></article></main>
     <footer><p>页脚</p></footer><script type="module">import "/x.js";</script>`,
  ),
  'filters in the head, title from the document': doc('<meta data-pagefind-filter="type[content]" content="企业"><meta data-pagefind-sort="date[content]" content="2019-04-27">', '<main data-pagefind-body><p>没有一级标题</p></main>'),
  'inline filter values and ignore all': doc('', '<main data-pagefind-body><div data-pagefind-filter="zone:温县, type:企业"></div><div data-pagefind-ignore="all"><span data-pagefind-filter="type">不算</span><div data-pagefind-body>不算</div></div><p>正文</p></main>'),
  'nested and several bodies': doc('', '<div data-pagefind-body><p>甲</p><section data-pagefind-body><h1>乙</h1></section></div><nav><div data-pagefind-body>导航里的</div></nav><aside data-pagefind-body>丙</aside>'),
  'ignored parts and the first h1': doc('', '<main data-pagefind-body><nav><h1>不是标题</h1></nav><div data-pagefind-ignore><h1>也不是</h1></div><h1>标题 <span data-pagefind-ignore>不要</span>在此</h1><h1>第二个</h1></main>'),
  'not searchable': doc('', '<main><h1>搜索</h1><span data-pagefind-filter="type">新闻</span></main>'),
  'nested filter elements': doc('', '<main data-pagefind-body><p data-pagefind-filter="outer">外<b data-pagefind-filter="inner">内</b>尾</p></main>'),
  'upper-case tags and entities in attributes': doc('', '<MAIN data-pagefind-body><P>A &amp; B</P><META data-pagefind-filter="t[content]" content="&quot;x&quot; &lt;y&gt;"></MAIN>'),
};

describe('the streaming reading of a page', () => {
  for (const [name, html] of Object.entries(PAGES)) {
    it(`reads what the HTML standard's parser reads: ${name}`, () => {
      const { filters, sort, ...read } = extractPage(html);
      expect(read).toEqual(extractPageParse5(html));
    });
  }

  it("reads filters and sort keys by name, as Pagefind reads them from the elements", () => {
    expect(extractPage(PAGES.layout!).filters).toEqual({ type: ['新闻'], year: ['2019', '2020'] });
    expect(extractPage(PAGES['filters in the head, title from the document']!)).toMatchObject({ filters: { type: ['企业'] }, sort: { date: '2019-04-27' } });
    expect(extractPage(PAGES['inline filter values and ignore all']!).filters).toEqual({ zone: ['温县'], type: ['企业'] });
  });
});
