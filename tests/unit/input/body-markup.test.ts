import fs from 'node:fs';
import path from 'node:path';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { MDX_COMPONENTS } from '../../../src/input/schema/mdx-components.ts';
import { markupProblems } from '../../../src/input/markup/markup-problems.ts';
import { markdownTree } from '../../../src/input/markup/parse-body.ts';
import rehypeSanitizeBody from '../../../src/astro/markdown/rehype-sanitize-body.ts';

const md = (body: string) => markupProblems(body, 1, 'content/news/x.md');
const mdx = (body: string) => markupProblems(body, 1, 'content/stories/x.mdx');

describe('HTML in a Markdown body', () => {
  it('allows what news and stories need', () => {
    const body = [
      '<table><caption>节电</caption><thead><tr><th colspan="2">措施</th></tr></thead><tbody><tr><td>1</td><td align="right">2</td></tr></tbody></table>',
      '',
      '第一行<br>第二行，m<sup>3</sup>，H<sub>2</sub>O，<a href="https://www.gov.cn/" title="政府网">链接</a>，<a href="/news/">本站</a>，<a href="mailto:a@example.org">邮箱</a>',
      '',
      '<img src="./images/a.jpg" alt="现场" width="300"> ![现场](./images/b.jpg) [通知](/notices/x/)',
      '',
      '脚注[^1]。',
      '',
      '[^1]: 说明。',
    ].join('\n');
    expect(md(body)).toEqual([]);
  });

  it.each([
    ['<script>alert(1)</script>', 1, '正文中不能使用 HTML 标签 <script>'],
    ['文字\n\n<iframe src="https://example.com/"></iframe>', 3, '正文中不能使用 HTML 标签 <iframe>'],
    ['<style>p{}</style>', 1, '正文中不能使用 HTML 标签 <style>'],
    ['<form action="/x"><b>x</b></form>', 1, '正文中不能使用 HTML 标签 <form>'],
    ['<object data="x.swf"></object>', 1, '正文中不能使用 HTML 标签 <object>'],
    ['<meta http-equiv="refresh" content="0;url=/">', 1, '正文中不能使用 HTML 标签 <meta>'],
    ['<b onclick="alert(1)">x</b>', 1, '标签 <b> 带有 onclick，这是会在读者浏览器里运行的程序代码'],
    ['<a href="javascript:alert(1)">x</a>', 1, '地址“javascript:alert(1)”不允许使用'],
    ['[x](vbscript:msgbox)', 1, '地址“vbscript:msgbox”不允许使用'],
    ['<a href="data:text/html,x">x</a>', 1, '地址“data:text/html,x”不允许使用'],
    ['<img src="data:image/png;base64,AAAA">', 1, '图片地址“data:image/png;base64,AAAA”把图片内容直接写进了正文，不允许使用'],
    ['<a href="https://x.org/" target="_blank">x</a>', 1, '标签 <a> 不能带属性 target'],
    ['<p class="red">x</p>', 1, '标签 <p> 不能带属性 class'],
    ['<td>1</td>', 1, 'HTML 标签 <td> 只能写在表格 <table> 里面'],
  ])('%s is refused, once, where it is', (body, line, message) => {
    expect(md(body)).toEqual([expect.objectContaining({ line, message, hint: expect.stringMatching(/\S/) })]);
  });

  it('keeps the line within the file', () => {
    expect(markupProblems('正文。\n\n<script></script>', 8, 'content/news/x.md')).toEqual([expect.objectContaining({ line: 10, column: 1 })]);
  });

  it('ignores code and comments, which are not HTML', () => {
    expect(md('`<script>alert(1)</script>`\n\n```\n<iframe onload="x"></iframe>\n```\n\n    <style></style>\n\n<!-- <script>alert(1)</script> -->')).toEqual([]);
  });
});

describe('MDX stories', () => {
  it('refuse an invisible character in a component prop, as in body text', () => {
    const problems = mdx('<LeaderboardChart year={2024} sector="冶金\u202e建材" />');
    expect(problems.map((p) => p.message)).toEqual(['组件 <LeaderboardChart> 的属性 sector 含有看不见的字符“从右向左覆盖符 U+202E”']);
    expect(mdx("<DataTable caption=\"措施\" columns={['措\u200b施']} rows={[['测量']]} />").map((p) => p.message)).toEqual([
      '组件 <DataTable> 的属性 columns 含有看不见的字符“零宽空格 U+200B”',
    ]);
  });

  it('allow the documented components with literal props, and HTML from the list', () => {
    const body = [
      '<DataTable caption="措施" columns={[\'措施\', \'节电\']} rows={[[\'测量\', 120], [\'保温\', -1]]} />',
      '',
      '<LeaderboardChart year={2024} sector="冶金建材" metric={"energy"} />',
      '',
      '文字 m<sup>3</sup>，<a href="https://www.gov.cn/">链接</a>，代码 `{x}` 和 < 号。{/* 注释 */}',
    ].join('\n');
    expect(mdx(body)).toEqual([]);
  });

  it.each([
    ['import x from "y";', 'MDX 文件里不能写 import 或 export'],
    ['export const x = 1;', 'MDX 文件里不能写 import 或 export'],
    ['温度 {process.env.HOME} 度', '正文中有英文花括号 { }，MDX 文件会把它当成程序代码'],
    ['{1 + 1}', '正文中有英文花括号 { }，MDX 文件会把它当成程序代码'],
    ['<QuotaChart {...props} year={2019} />', '<QuotaChart> 中的 {...props} 是程序代码，不允许使用'],
    ['<QuotaChart year={`2019`} />', '组件 <QuotaChart> 的属性 year 的值 {`2019`} 是程序代码，不是直接写出的数字或文字'],
    ['<QuotaChart year={f()} />', '组件 <QuotaChart> 的属性 year 的值 {f()} 是程序代码，不是直接写出的数字或文字'],
    ['<QuotaChart year="2019" />', '组件 <QuotaChart> 的属性 year 应填数字'],
    ['<QuotaChart />', '组件 <QuotaChart> 缺少属性 year'],
    ['<QuotaChart year={2019} client:load />', '组件 <QuotaChart> 没有属性 client:load'],
    ['<Fragment set:html="<script></script>" />', '没有名为 <Fragment> 的组件'],
    ['<b onClick="alert(1)">x</b>', '标签 <b> 带有 onclick，这是会在读者浏览器里运行的程序代码'],
    ['<script src="https://x.org/a.js"></script>', '正文中不能使用 HTML 标签 <script>'],
    ['[x](javascript:alert(1))', '地址“javascript:alert(1)”不允许使用'],
    ['<a href={"javascript:alert(1)"}>x</a>', '地址“javascript:alert(1)”不允许使用'],
    ['温度<80度', '正文中有英文小于号 <，MDX 文件会把它当成组件的开头'],
  ])('%s is refused', (body, message) => {
    expect(mdx(body)).toEqual([expect.objectContaining({ line: 1, message, hint: expect.stringMatching(/\S/) })]);
  });

  it('names the brace that opened an expression MDX cannot read', () => {
    expect(mdx('正文。\n\n节能率 {约 5%} 以上')).toEqual([expect.objectContaining({ line: 3, column: 5 })]);
  });

  it('are offered the components the story page passes, no more, no fewer', () => {
    const index = fs.readFileSync(path.resolve(import.meta.dirname, '../../../src/components/charts/index.ts'), 'utf8');
    const charts = [...index.matchAll(/export \{ default as (\w+) \}/g)].map((m) => m[1]);
    expect(Object.keys(MDX_COMPONENTS).sort()).toEqual(['DataTable', ...charts].sort());
  });
});

describe('the Markdown pipeline’s sanitiser', () => {
  const render = (body: string) => {
    const file = new VFile({ value: body, path: 'x.md' });
    return toHtml(rehypeSanitizeBody()(markdownTree(body), file) ?? markdownTree(body));
  };

  it('leaves allowed markup and footnotes as they are', () => {
    const body = '<table><tr><td>1</td></tr></table>\n\n脚注[^1]，<a href="https://x.org/">x</a><br>\n\n[^1]: 说明。';
    expect(render(body)).toBe(toHtml(markdownTree(body)));
  });

  it('removes what validate refuses, should it get past', () => {
    expect(render('<b onclick="x">a</b><script>alert(1)</script><a href="javascript:x">b</a>')).toBe('<p><b>a</b><a>b</a></p>');
  });

  it('stops the build on an MDX story that runs code', () => {
    const tree = { type: 'root', children: [{ type: 'mdxjsEsm', value: 'import x from "y"', position: { start: { line: 1, column: 1 }, end: { line: 1, column: 10 } } }] };
    expect(() => rehypeSanitizeBody()(tree as never, new VFile({ path: 's.mdx' }))).toThrow(/import 或 export/);
  });
});
