import { describe, expect, it } from 'vitest';
import { diskRoot } from '../../../src/input/disk-root.ts';
import { MAX_DEPTH, tooDeep, tooDeepYaml } from '../../../src/input/markup/depth.ts';
import { markupProblems } from '../../../src/input/markup/markup-problems.ts';
import { readPortalData } from '../../../src/input/read.ts';
import { fixtureRoot } from '../../support/fixture-root.ts';

/** Deep nesting is found by a scan without recursion, before any parser (which would overflow its stack). */
const nestedQuotes = (n: number) => `${'>'.repeat(n)} 引用`;
const nestedLists = (n: number) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- 第 ${i + 1} 层`).join('\n');
const nestedDivs = (n: number) => `${'<div>'.repeat(n)}文字${'</div>'.repeat(n)}`;

describe('the depth limit', () => {
  it.each([
    ['quotes', nestedQuotes],
    ['lists', nestedLists],
    ['HTML', nestedDivs],
  ])('%s up to the limit are read, and parse', (_name, make) => {
    expect(tooDeep(make(MAX_DEPTH), false)).toBeUndefined();
    expect(markupProblems(make(MAX_DEPTH), 1, 'content/news/x.md')).toEqual([]);
  });

  it.each([
    ['quotes', nestedQuotes(MAX_DEPTH + 1), 1, 1],
    ['lists written as "- - -"', `${'- '.repeat(MAX_DEPTH + 1)}x`, 1, 1],
    ['lists by indentation', nestedLists(3 * MAX_DEPTH), 2 * MAX_DEPTH + 1, 1],
    ['HTML', `正文\n${nestedDivs(MAX_DEPTH + 1)}`, 2, 5 * MAX_DEPTH + 1],
    ['links', `${'['.repeat(MAX_DEPTH + 1)}x`, 1, MAX_DEPTH + 1],
    ['emphasis', `${'*_'.repeat(30)}x`, 1, 1],
  ])('%s beyond it are found at their place', (_name, body, line, column) => {
    expect(tooDeep(body, false)).toMatchObject({ line, column });
  });

  it('siblings are not nesting: <li> and <p> end at the next of their kind, void elements never open', () => {
    const body = `<ul>${'<li>项'.repeat(100)}</ul>\n\n${'<p>段'.repeat(100)}\n\n${'<br><img src="./a.jpg" alt="">'.repeat(100)}`;
    expect(tooDeep(body, false)).toBeUndefined();
  });

  it('a thematic break of many stars is no emphasis', () => {
    expect(tooDeep('*'.repeat(80), false)).toBeUndefined();
  });

  it('MDX expressions: braces count', () => {
    expect(tooDeep(`<QuotaChart year={${'['.repeat(MAX_DEPTH + 1)}2019${']'.repeat(MAX_DEPTH + 1)}} />`, true)).toMatchObject({ line: 1 });
    expect(tooDeep('{'.repeat(MAX_DEPTH + 1), true)).toMatchObject({ line: 1, column: MAX_DEPTH + 1 });
  });

  it('frontmatter: indentation and brackets', () => {
    expect(tooDeepYaml('title: x\ncontact:\n  email: a@b.cn\nhonours:\n  - 甲')).toBeUndefined();
    expect(tooDeepYaml(Array.from({ length: 30 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n'))).toMatchObject({ line: 22 });
    expect(tooDeepYaml(`a: ${'['.repeat(3000)}${']'.repeat(3000)}`)).toMatchObject({ line: 1, column: 4 + MAX_DEPTH });
  });
});

const HINT = expect.stringContaining(`最多套 ${MAX_DEPTH} 层`);

describe.each([
  ['deep-blockquote', { file: 'content/news/n-one.md', line: 9, column: 1, message: '正文中引用（>）或列表的层级超过 20 层，无法检查，也无法生成网页', hint: HINT }],
  ['deep-list', { file: 'content/news/n-one.md', line: 9, column: 1, message: '正文中引用（>）或列表的层级超过 20 层，无法检查，也无法生成网页', hint: HINT }],
  ['deep-html', { file: 'content/news/n-one.md', line: 9, column: 101, message: '正文中标签（<…>）的层级超过 20 层，无法检查，也无法生成网页', hint: HINT }],
  ['deep-mdx', { file: 'content/stories/s-one.mdx', line: 31, column: 1, message: '正文中标签或组件（<…>）的层级超过 20 层，无法检查，也无法生成网页', hint: HINT }],
  ['deep-frontmatter', { file: 'content/news/n-one.md', line: 5, column: 30, message: '信息块里括号 [ ] { } 的层级超过 20 层' }],
])('%s (thousands of levels)', (name, expected) => {
  it('is one located problem, no stack overflow', () => {
    expect(readPortalData(diskRoot(fixtureRoot(name))).problems).toEqual([expect.objectContaining(expected)]);
  });
});
