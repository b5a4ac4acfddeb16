import { describe, expect, it } from 'vitest';
import { csvToRows } from '../../../src/cms/csv-format.ts';
import { checkRows, columnsOf, diffRows, problemLine } from '../../../src/cms/table-check.ts';
import { readFileSync } from 'node:fs';

const zones = csvToRows(readFileSync('examples/demo/data/zones.csv', 'utf8'), columnsOf('zones')).rows;
const withQuota = (quota: string) => zones.map((r, i) => (i === 0 ? { ...r, quota } : r));

describe('a table in the CMS is checked as the build reads it, with the line of the file', () => {
  it('accepts the demo’s table as it is, and a quota Excel wrote as 1,234', () => {
    expect(checkRows('zones', zones)).toEqual([]);
    expect(checkRows('zones', withQuota('1,234'))).toEqual([]);
  });

  it('says what is wrong with “四家”, “１０” and “4.5” in a whole-number column, with 改法', () => {
    expect(checkRows('zones', withQuota('四家')).map(problemLine)).toEqual(['第 2 行，“quota（参赛名额）”：应为数字，实际填写的是“四家”。改法：只填阿拉伯数字，不带单位、汉字或空格，例如 3 或 12.5']);
    expect(problemLine(checkRows('zones', withQuota('１０'))[0]!)).toContain('实际填写的是“１０”');
    expect(problemLine(checkRows('zones', withQuota('4.5'))[0]!)).toMatch(/应为整数，实际填写的是“4\.5”。改法：只填整数/);
  });

  it('finds a duplicate key and a personal number as the build does', () => {
    expect(problemLine(checkRows('zones', [...zones, zones[0]!])[0]!)).toContain('与第 2 行重复');
    expect(problemLine(checkRows('zones', zones.map((r, i) => (i === 1 ? { ...r, name: '13812345678' } : r)))[0]!)).toContain('第 3 行');
  });

  it('tells an upload’s changed cells, new rows and dropped rows apart by the table’s key', () => {
    const upload = [{ ...zones[0]!, quota: '9' }, ...zones.slice(2), { ...zones[0]!, id: 'xinqu', name: '新区' }];
    const diff = diffRows('zones', zones, upload);
    expect(diff.changed).toEqual([{ line: 2, column: 'quota', before: zones[0]!.quota, after: '9' }]);
    expect(diff.added.map((r) => r.id)).toEqual(['xinqu']);
    expect(diff.removed).toEqual([zones[1]]);
  });
});
