import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import rehypeSanitizeBody from '../../../src/astro/markdown/rehype-sanitize-body.ts';
import { diskRoot } from '../../../src/input/disk-root.ts';
import { judgeAddress } from '../../../src/input/markup/address.ts';
import { markupProblems } from '../../../src/input/markup/markup-problems.ts';
import { markdownTree } from '../../../src/input/markup/parse-body.ts';
import { readPortalData } from '../../../src/input/read.ts';
import { fixtureRoot } from '../../support/fixture-root.ts';

/**
 * Addresses are judged as a browser reads them (WHATWG URL): backslashes, tabs, newlines and
 * control characters that a browser drops or turns into "/" cannot hide another site.
 */
const md = (body: string) => markupProblems(body, 1, 'content/news/x.md');
const mdx = (body: string) => markupProblems(body, 1, 'content/stories/x.mdx');
const render = (body: string) => toHtml(rehypeSanitizeBody()(markdownTree(body), new VFile({ value: body, path: 'x.md' })) ?? markdownTree(body));

const DISGUISED = [
  ['/\\evil.example/x.png', '/\\evil.example/x.png'],
  ['\\\\evil.example/x.png', '\\\\evil.example/x.png'],
  ['/\t/evil.example/x.png', '/\\t/evil.example/x.png'],
  ['/&#9;/evil.example/x.png', '/\\t/evil.example/x.png'],
  ['/&#10;/evil.example/x.png', '/\\n/evil.example/x.png'],
  [' &#1;//evil.example/x.png', ' U+0001//evil.example/x.png'],
  ['//evil.example/x.png', '//evil.example/x.png'],
  ['\\/evil.example/x.png', '\\/evil.example/x.png'],
  ['ht&#9;tps://evil.example/x.png', 'ht\\ttps://evil.example/x.png'],
];

describe('an address in raw HTML that a browser reads as another site', () => {
  it.each(DISGUISED)('<img src="%s"> is refused, naming the site', (src, shown) => {
    expect(md(`<img src="${src}" alt="x">`)).toEqual([expect.objectContaining({ line: 1, column: 1, message: `地址“${shown}”在浏览器里会指向别的网站 evil.example`, hint: expect.stringContaining('反斜杠') })]);
    expect(render(`<img src="${src}" alt="x">`)).not.toContain('evil');
  });

  it.each(DISGUISED)('<a href="%s"> is refused, naming the site', (href, shown) => {
    expect(md(`<a href="${href}">x</a>`)).toEqual([expect.objectContaining({ message: `地址“${shown}”在浏览器里会指向别的网站 evil.example` })]);
    expect(render(`<a href="${href}">x</a>`)).toBe('<p><a>x</a></p>');
  });

  it.each(DISGUISED)('in an MDX story, <img src="%s" /> is refused too', (src) => {
    expect(mdx(`<img src="${src}" alt="x" />`).map((p) => p.message)).toEqual([expect.stringMatching(/在浏览器里会指向别的网站 evil\.example$/)]);
  });

  it('a scheme hidden by a tab or a control character is still the scheme', () => {
    expect(md('<a href="java\tscript:alert(1)">x</a>')[0]?.message).toBe('地址“java\\tscript:alert(1)”不允许使用');
    expect(md('<a href="&#1;javascript:alert(1)">x</a>')[0]?.message).toBe('地址“U+0001javascript:alert(1)”不允许使用');
    expect(render('<a href="java&#9;script:alert(1)">x</a>')).toBe('<p><a>x</a></p>');
  });

  it('what stays on the portal, or is written out as a web or mail address, is kept', () => {
    const body = '<a href="/news/">a</a><a href="../x/">b</a><a href="#fn">c</a><a href="?p=2">d</a><a href="https://www.gov.cn/">e</a><a href="mailto:a@example.org">f</a><img src="./images/a.jpg" alt="g">';
    expect(md(body)).toEqual([]);
    expect(render(body)).toBe(toHtml(markdownTree(body)));
  });
});

describe('Markdown links and pictures', () => {
  it.each(['[x](/\\evil.example/)', '[x](/\\\\evil.example/)', '[x](</\t/evil.example/>)', '[x](/&#9;/evil.example/)', '![x](/\\evil.example/x.png)'])(
    '%s is encoded by the Markdown parser and stays on the portal',
    (body) => {
      const element = (markdownTree(body).children[0] as { children: { properties: Record<string, string> }[] }).children[0]!;
      const address = element.properties.href ?? element.properties.src ?? '';
      expect(judgeAddress(address)).toEqual({ ok: true, local: true });
      expect(md(body)).toEqual([]);
    },
  );
});

describe.each([
  ['address-backslash-image', { file: 'content/news/n-one.md', line: 9, column: 1, message: '地址“/\\evil.example/pixel.png”在浏览器里会指向别的网站 evil.example' }],
  ['address-tab-link', { file: 'content/news/n-one.md', line: 9, column: 2, message: '地址“/\\t/evil.example/”在浏览器里会指向别的网站 evil.example' }],
  ['address-backslash-mdx', { file: 'content/stories/s-one.mdx', line: 11, column: 1, message: '地址“\\\\evil.example/pixel.png”在浏览器里会指向别的网站 evil.example' }],
])('%s', (name, expected) => {
  it('is the one problem, located', () => {
    expect(readPortalData(diskRoot(fixtureRoot(name))).problems).toEqual([expect.objectContaining(expected)]);
  });
});
