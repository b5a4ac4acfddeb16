// Astro's own frontmatter reader (js-yaml), which the content collections use when the site is built.
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { describe, expect, it } from 'vitest';
import { diskRoot } from '../../../src/input/disk-root.ts';
import { readFrontmatter } from '../../../src/input/markdown.ts';
import { readPortalData } from '../../../src/input/read.ts';
import { date } from '../../../src/input/schema/cells.ts';
import { newsSchema } from '../../../src/input/schema/frontmatter.ts';
import { fixtureRoot } from '../../support/fixture-root.ts';

/** One rule for a day, in a CSV cell and in a news file's frontmatter: the same forms, the same reasons. */
const cell = date({ title: '日期' });
const frontmatter = newsSchema.shape.date;
const readers = [
  ['a CSV cell', cell],
  ['a frontmatter field', frontmatter],
] as const;

describe.each(readers)('a day in %s', (_name, schema) => {
  it.each([
    ['2023-05-01', '2023-05-01'],
    ['2023-5-1', '2023-05-01'],
    ['2023/5/1', '2023-05-01'],
    ['2023.5.1', '2023-05-01'],
    ['2023年5月1日', '2023-05-01'],
    ['2023 年 5 月 1 日', '2023-05-01'],
    ['2024/2/29', '2024-02-29'],
  ])('reads %s as %s', (typed, iso) => {
    expect(schema.parse(typed)).toBe(iso);
  });

  it.each([
    ['2023-2-29', '这一天不存在：2023 年 2 月只有 28 天'],
    ['2023/4/31', '这一天不存在：4 月只有 30 天'],
    ['2023-13-01', '这一天不存在：月份只能是 1–12，写的是 13'],
    ['2023年0月5日', '这一天不存在：月份只能是 1–12，写的是 0'],
    ['2023-05-00', '这一天不存在：日期从 1 日起'],
  ])('says why %s does not exist', (typed, why) => {
    const result = schema.safeParse(typed);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual([why]);
  });

  it.each(['30/4/2019', '四月三十日', '2019-04'])('refuses %s as no day', (typed) => {
    expect(schema.safeParse(typed).error?.issues[0]?.message).toMatch(/^日期应写成“年-月-日”/);
  });
});

describe('a news date as typed, in the whole check', () => {
  it('2019年3月1日 in a news file is the day 2019-03-01', () => {
    const { data, problems } = readPortalData(diskRoot(fixtureRoot('frontmatter-typed-date')));
    expect(problems).toEqual([]);
    expect(data.content.news.map((n) => n.data.date)).toEqual(['2019-03-01']);
  });

  it('2019/13/1 says the month is impossible, at its line, with the fix', () => {
    const { problems } = readPortalData(diskRoot(fixtureRoot('frontmatter-impossible-month')));
    expect(problems).toEqual([
      expect.objectContaining({ file: 'content/news/n-one.md', line: 3, field: 'date', message: '这一天不存在：月份只能是 1–12，写的是 13，实际填写的是“2019/13/1”', hint: expect.stringContaining('例如 2024-03-15') }),
    ]);
  });
});

describe('the build shows the day the check accepted', () => {
  it.each(['2023-05-01', '2023-5-1', '2023/5/1', '2023.5.1', '2023年5月1日', '2024-02-29'])('%s, read by Astro’s frontmatter reader, is the same day', (typed) => {
    const text = `---\ntitle: 新闻\ndate: ${typed}\nyear: 2023\n---\n\n正文。\n`;
    // js-yaml makes a Date of 2023-05-01 and leaves the other forms as text: the schema makes one day of each.
    const { frontmatter } = parseFrontmatter(text);
    const inBuild = newsSchema.parse(frontmatter).date;
    const checked = readPortalDataDate(text);
    expect(inBuild).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(inBuild).toBe(checked);
  });
});

/** The date the validator reads from the same file text. */
function readPortalDataDate(text: string): string | undefined {
  return (readFrontmatter(new TextEncoder().encode(text), 'content/news/x.md', newsSchema).data as { date?: string } | undefined)?.date;
}
