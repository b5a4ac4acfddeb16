import { describe, expect, it } from 'vitest';
import { diskRoot } from '../../../src/input/disk-root.ts';
import { findInvisible, invisibleMessage, nameKey, VISIBLE_ONLY } from '../../../src/input/invisible.ts';
import { readPortalData } from '../../../src/input/read.ts';
import { text } from '../../../src/input/schema/cells.ts';
import { newsSchema } from '../../../src/input/schema/frontmatter.ts';
import { fixtureRoot } from '../../support/fixture-root.ts';

/** Direction controls and zero-width characters: refused by name and place, in every text editors write. */
describe('invisible characters', () => {
  it.each([
    ['\u202e', '从右向左覆盖符 U+202E'],
    ['\u2066', '从左向右隔离符 U+2066'],
    ['\u2069', '方向隔离结束符 U+2069'],
    ['\u200f', '从右向左标记 U+200F'],
    ['\u061c', '阿拉伯字母方向标记 U+061C'],
    ['\u200b', '零宽空格 U+200B'],
    ['\u200d', '零宽连字符 U+200D'],
    ['\u2060', '零宽不换行符 U+2060'],
    ['\ufeff', '零宽不换行空格（BOM） U+FEFF'],
    ['\u00ad', '软连字符 U+00AD'],
    ['\u2028', '行分隔符 U+2028'],
  ])('names %j', (char, label) => {
    expect(findInvisible(`甲${char}乙`)).toEqual([{ index: 1, code: char.charCodeAt(0), label }]);
    expect(VISIBLE_ONLY.test(`甲${char}乙`)).toBe(false);
  });

  it('leaves ordinary Chinese, full-width and spaced text alone', () => {
    for (const t of ['焦作市总工会', '甲一公司（焦作）', 'ＡＢＣ　公司', '2019年“三比两降”', '']) {
      expect(findInvisible(t)).toEqual([]);
      expect(VISIBLE_ONLY.test(t)).toBe(true);
    }
  });

  it('says where each is, by character', () => {
    expect(invisibleMessage('\u2067一车间\u2069')).toBe('含有看不见的字符：第 1 个字符处有“从右向左隔离符 U+2067”，第 5 个字符处有“方向隔离结束符 U+2069”');
  });

  it('the schemas refuse them too, so the CMS (which takes its patterns from them) does', () => {
    expect(text({ title: '名称' }).safeParse('甲\u200b乙').error?.issues[0]?.message).toBe('含有看不见的字符：第 2 个字符处有“零宽空格 U+200B”');
    expect(newsSchema.shape.title.safeParse('新\u202e闻').success).toBe(false);
  });

  it('compares names as they look', () => {
    expect(nameKey('甲一公司（焦作）')).toBe(nameKey('甲一公司(焦作)'));
    expect(nameKey('ＡＢＣ公司')).toBe(nameKey('ABC公司'));
    expect(nameKey('甲一\u200b公司')).toBe(nameKey('甲一公司'));
    expect(nameKey('甲一  公司')).toBe(nameKey('甲一　公司'));
    expect(nameKey('甲一公司')).not.toBe(nameKey('甲二公司'));
  });
});

const HINT = expect.stringContaining('重新打字输入');

describe.each([
  ['invisible-rlo-in-name', { file: 'data/enterprises.csv', line: 3, column: 2, field: 'name（企业名称）', message: '含有看不见的字符：第 1 个字符处有“从右向左覆盖符 U+202E”', hint: HINT }],
  ['invisible-isolates-in-team', { file: 'data/teams.csv', line: 2, column: 2, field: 'name（集体名称）', message: expect.stringContaining('从右向左隔离符 U+2067'), hint: HINT }],
  ['invisible-in-news-title', { file: 'content/news/n-one.md', line: 2, column: 8, field: 'title', message: '含有看不见的字符：第 3 个字符处有“零宽空格 U+200B”', hint: HINT }],
  ['invisible-in-news-body', { file: 'content/news/n-one.md', line: 9, column: 4, message: '正文含有看不见的字符“从右向左覆盖符 U+202E”', hint: HINT }],
  ['invisible-in-column-name', { file: 'data/teams.csv', line: 1, column: 2, message: '列名“name”含有看不见的字符：第 3 个字符处有“零宽空格 U+200B”', hint: expect.stringContaining('本表的列为：id、name、enterprise') }],
  ['lookalike-enterprise-name', { file: 'data/enterprises.csv', line: 5, column: 2, field: 'name（企业名称）', message: '企业名称与第 2 行的“甲一公司（焦作）”看起来相同（只差全角半角字符或空格）' }],
])('%s', (name, expected) => {
  it('is the one problem, located', () => {
    expect(readPortalData(diskRoot(fixtureRoot(name))).problems).toEqual([expect.objectContaining(expected)]);
  });
});

describe('the CMS', () => {
  it('checks text fields and cells against the same rule as they are typed, saying what is wrong', async () => {
    const { columnField, frontmatterField } = await import('../../../src/cms/fields.ts');
    for (const field of [columnField('name', text({ title: '企业名称' })), frontmatterField('title', newsSchema.shape.title)]) {
      const [source, message] = field.pattern!;
      expect(new RegExp(source).test('甲一公司')).toBe(true);
      expect(new RegExp(source).test('甲一\u200b公司')).toBe(false);
      expect(new RegExp(source).test('\u202e司公一甲')).toBe(false);
      expect(message).toMatch(/看不见的字符/);
    }
  });
});

describe('a Markdown file whose name holds an invisible character', () => {
  it('is named, with the name to give it instead', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const root = fixtureRoot('good');
    fs.renameSync(path.join(root, 'content/news/n-one.md'), path.join(root, 'content/news/n-\u200bone.md'));
    expect(readPortalData(diskRoot(root)).problems).toEqual([
      expect.objectContaining({ file: 'content/news/n-\u200bone.md', message: '文件名含有看不见的字符：第 3 个字符处有“零宽空格 U+200B”', hint: expect.stringContaining('改名为 n-one.md') }),
    ]);
  });
});
