import { describe, expect, it } from 'vitest';
import { loadPortalData } from '../../../src/astro/site-cache.ts';
import { diskRoot } from '../../../src/input/disk-root.ts';
import { readPortalData } from '../../../src/input/read.ts';
import { ContentError, type Problem } from '../../../src/input/problems.ts';
import { fixtureRoot } from '../../support/fixture-root.ts';

function problemsOf(name: string): Problem[] {
  return readPortalData(diskRoot(fixtureRoot(name))).problems;
}

describe('the valid fixture', () => {
  it('loads without problems and keeps values typed', () => {
    const { data, problems } = readPortalData(diskRoot(fixtureRoot('good')));
    expect(problems).toEqual([]);
    expect(data.zones.map((z) => [z.id, z.quota, z.line])).toEqual([
      ['alpha', 3, 2],
      ['beta', 1, 3],
    ]);
    expect(data.campaigns[0]?.organisers).toEqual(['甲工会', '乙委员会']);
    expect(data.enterprises.find((e) => e.id === 'a-two')?.sector).toBeUndefined();
  });
});

describe('one problem per bad input, with file, line and field in Chinese', () => {
  it.each([
    ['empty-required-cell', { file: 'data/zones.csv', line: 2, field: 'quota（参赛名额）', message: '此项必填，不能留空' }],
    ['non-numeric-cell', { file: 'data/zones.csv', line: 2, field: 'quota（参赛名额）', message: '应为数字，实际填写的是“三”' }],
    ['undeclared-column', { file: 'data/enterprises.csv', line: 1, field: 'phone', message: '“phone”不是本表规定的列' }],
    ['missing-column', { file: 'data/enterprises.csv', line: 1, field: 'zone', message: '缺少必需的列“zone”（所属赛区）' }],
    ['duplicate-id', { file: 'data/enterprises.csv', line: 5, field: 'id', message: '与第 2 行重复：id=a-one' }],
    ['unknown-zone', { file: 'data/enterprises.csv', line: 3, field: 'zone（所属赛区）', message: '赛区编号“gamma”不存在' }],
    ['unknown-enterprise', { file: 'data/participation.csv', line: 6, field: 'enterprise（企业编号）', message: '企业编号“nobody”在 enterprises.csv 中不存在' }],
    ['quota-exceeded', { file: 'data/zones.csv', line: 2, field: 'quota（参赛名额）', message: '2019 年甲县上报参赛企业 2 家，超过名额 1 家' }],
    ['total-mismatch', { file: 'data/campaigns.csv', line: 2, field: 'planned_enterprises（确定参赛企业总数）', message: '各赛区名额 4 家加市直参赛企业 2 家，合计 6 家，与确定的 80 家不符' }],
    ['bad-row-length', { file: 'data/zones.csv', line: 2, message: '这一行有 6 个单元格，表头有 5 列' }],
    ['bad-date', { file: 'data/timeline.csv', line: 3, field: 'date（日期）', message: '这一天不存在：4 月只有 30 天，实际填写的是“2019-04-31”' }],
  ])('%s', (name, expected) => {
    const problems = problemsOf(name);
    expect(problems).toContainEqual(expect.objectContaining(expected));
  });

  it('a file in neither UTF-8 nor GB18030 is named', () => {
    expect(problemsOf('bad-encoding')).toContainEqual(
      expect.objectContaining({ file: 'data/zones.csv', message: expect.stringContaining('文件编码无法识别') }),
    );
  });

  it('a broken table does not bury its message under follow-on errors from other files', () => {
    const problems = problemsOf('undeclared-column');
    expect(problems).toHaveLength(1);
  });

  it('an empty number cell is never read as 0', () => {
    const { data } = readPortalData(diskRoot(fixtureRoot('empty-required-cell')));
    expect(data.zones.map((z) => z.id)).toEqual(['beta']);
  });
});

describe('reporting', () => {
  it('lists every problem of every file in one run', () => {
    const problems = problemsOf('many-problems');
    const where = problems.map((p) => `${p.file}:${p.line}`);
    expect(where).toEqual(expect.arrayContaining(['data/zones.csv:2', 'data/enterprises.csv:1', 'data/participation.csv:6']));
  });

  it('throws one ContentError whose message names each file and line', () => {
    const root = fixtureRoot('many-problems');
    expect(() => loadPortalData(root)).toThrow(ContentError);
    try {
      loadPortalData(root);
    } catch (e) {
      const message = (e as Error).message;
      expect(message).toMatch(/^内容检查发现 \d+ 个问题，网站未生成/);
      expect(message).toContain('\ndata/zones.csv\n');
      expect(message).toContain('第 2 行，E 列“quota（参赛名额）”：此项必填，不能留空\n     改法：填写参赛名额');
      expect(message).toContain('\ndata/participation.csv\n  2. 第 6 行，A 列“year（年度）”');
    }
  });

  it('accepts what Excel on Chinese Windows saves: GB18030, CRLF, BOM, full-width spaces, empty trailing rows', () => {
    const { data, problems } = readPortalData(diskRoot(fixtureRoot('excel-gbk')));
    expect(problems).toEqual([]);
    expect(data.zones.map((z) => [z.name, z.quota])).toEqual([
      ['甲县', 3],
      ['乙产业', 1],
    ]);
  });
});
