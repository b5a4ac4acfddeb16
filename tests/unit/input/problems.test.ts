import { describe, expect, it } from 'vitest';
import { ContentError, excelColumn, formatProblem, formatProblems } from '../../../src/input/problems.ts';

describe('where a problem is, said as an editor finds it', () => {
  it('names CSV columns as Excel does', () => {
    expect([1, 5, 26, 27, 52, 53, 702, 703].map(excelColumn)).toEqual(['A', 'E', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('a CSV cell: file, line, Excel column, field, what and how', () => {
    expect(formatProblem({ file: 'data/zones.csv', line: 2, column: 5, field: 'quota（参赛名额）', message: '此项必填，不能留空', hint: '填写参赛名额' })).toBe(
      'data/zones.csv，第 2 行，E 列“quota（参赛名额）”：此项必填，不能留空（改法：填写参赛名额）',
    );
  });

  it('a Markdown field: file, line, field', () => {
    expect(formatProblem({ file: 'content/news/a.md', line: 3, field: 'date', message: '这一天不存在' })).toBe('content/news/a.md，第 3 行，字段“date”：这一天不存在');
  });

  it('a whole file', () => {
    expect(formatProblem({ file: 'data/zones.csv', message: '文件编码无法识别' })).toBe('data/zones.csv：文件编码无法识别');
  });
});

describe('the report', () => {
  const problems = [
    { file: 'data/zones.csv', line: 3, column: 1, message: '乙', hint: '改乙' },
    { file: 'content/news/a.md', line: 2, field: 'title', message: '甲', hint: '改甲' },
    { file: 'data/zones.csv', line: 2, column: 5, field: 'quota', message: '丙', hint: '改丙' },
  ];

  it('groups problems by file, in line order, each with its fix, numbered through', () => {
    expect(formatProblems(problems)).toBe(
      [
        '内容检查发现 3 个问题，网站未生成：',
        '',
        'content/news/a.md',
        '  1. 第 2 行，字段“title”：甲',
        '     改法：改甲',
        '',
        'data/zones.csv',
        '  2. 第 2 行，E 列“quota”：丙',
        '     改法：改丙',
        '  3. 第 3 行，A 列：乙',
        '     改法：改乙',
      ].join('\n'),
    );
  });

  it('ContentError carries the report and no stack trace of our code', () => {
    const error = new ContentError(problems);
    expect(error.message).toBe(formatProblems(problems));
    expect(error.stack).toBeUndefined();
  });
});
