import { unified } from '@astrojs/markdown-remark';
import type { AstroConfig } from 'astro';
import remarkCjkFriendly from 'remark-cjk-friendly';
import { describe, expect, it } from 'vitest';
import rehypeSanitizeBody from '../../../src/astro/markdown/rehype-sanitize-body.ts';
import rehypeExternalLinks from '../../../src/astro/markdown/rehype-external-links.ts';
import { mdxStoryEntryType, storyBlocks, type StoryBlock } from '../../../src/astro/markdown/mdx-story.ts';

// The site's processor as astro.config.mjs sets it, and MDX's frontmatter reading left out (not used here).
const config = {
  markdown: { processor: unified({ remarkPlugins: [remarkCjkFriendly], rehypePlugins: [rehypeSanitizeBody, [rehypeExternalLinks, { site: 'https://example.org' }]], smartypants: false }), syntaxHighlight: false },
  image: {},
} as unknown as AstroConfig;
const render = async (body: string) => {
  const type = mdxStoryEntryType({ extensions: ['.mdx'], getEntryInfo: () => ({ data: {}, body, slug: '', rawData: '' }) });
  const fn = await type.getRenderFunction!(config);
  return fn({ id: 's', data: {}, body, filePath: '/content/stories/s.mdx', digest: '1' });
};
const blocks = async (body: string): Promise<StoryBlock[]> => storyBlocks(await render(body));

describe('an MDX story rendered as data', () => {
  it('is the HTML of its Markdown, with each component at its place and its literal props', async () => {
    const result = await blocks('## 标题\n\n第一段。\n\n<DataTable caption="表" columns={[\'措施\', \'数值\']} rows={[[\'甲\', -2]]} />\n\n行内 <QuotaChart year={2019} /> 之后。\n');
    expect(result).toEqual([
      { html: '<h2 id="标题">标题</h2>\n<p>第一段。</p>\n' },
      { name: 'DataTable', props: { caption: '表', columns: ['措施', '数值'], rows: [['甲', -2]] } },
      { html: '\n<p>行内 ' },
      { name: 'QuotaChart', props: { year: 2019 } },
      { html: ' 之后。</p>' },
    ]);
  });

  it('writes HTML in JSX as HTML, drops MDX comments, and unwraps a line of JSX as MDX does', async () => {
    const [only] = await blocks('{/* 注释 */}\n\n<table>\n  <tr><td colSpan="2">合并</td></tr>\n</table>\n\n| 列 |\n| --: |\n| 1 |\n');
    expect(only).toEqual({ html: expect.stringContaining('<table><tbody><tr><td colspan="2">合并</td></tr></tbody></table>') });
    expect((only as { html: string }).html).toContain('<td style="text-align:right">1</td>');
    expect((only as { html: string }).html).not.toContain('注释');
  });

  it('does not take text that looks like a marker for a component', async () => {
    const forged = '<span title=\'<!--portal-component-0-0-->\'>字</span>';
    const result = await blocks(`${forged}\n\n<QuotaChart year={2019} />\n`);
    expect(result.filter((b) => 'name' in b)).toEqual([{ name: 'QuotaChart', props: { year: 2019 } }]);
  });

  it('refuses code, an unknown component and a prop that is not written out, as the check does', async () => {
    await expect(render('import x from "y"\n\n正文')).rejects.toThrow(/import 或 export/);
    await expect(render('正文 {1 + 1}')).rejects.toThrow(/花括号/);
    await expect(render('<Script />')).rejects.toThrow(/没有名为 <Script> 的组件/);
    await expect(render('<QuotaChart year={new Date().getFullYear()} />')).rejects.toThrow(/程序代码/);
  });
});
