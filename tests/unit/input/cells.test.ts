import { describe, expect, it } from 'vitest';
import { date, decimal, integer, month } from '../../../src/input/schema/cells.ts';
import { issueHint, issueMessage } from '../../../src/input/table.ts';

describe('cells as Excel saves them', () => {
  const day = date({ title: '日期' });
  const ym = month({ title: '月份' });

  it.each([
    ['2019-04-30', '2019-04-30'],
    ['2019/4/30', '2019-04-30'],
    ['2019-4-3', '2019-04-03'],
    ['2019年4月30日', '2019-04-30'],
  ])('reads the date %s as %s', (cell, iso) => {
    expect(day.parse(cell)).toBe(iso);
  });

  it.each(['2019-02-29', '2019/4/31', '2019-13-01', '30/4/2019', '四月三十日'])('refuses %s', (cell) => {
    expect(day.safeParse(cell).success).toBe(false);
  });

  it.each([
    ['2019-04', '2019-04'],
    ['2019/4', '2019-04'],
    ['2019年4月', '2019-04'],
  ])('reads the month %s as %s', (cell, iso) => {
    expect(ym.parse(cell)).toBe(iso);
  });

  it('numbers: thousands separators yes, silent zero never', () => {
    const n = decimal({ title: '数值' });
    expect(n.parse('13,250.5')).toBe(13250.5);
    expect(n.safeParse('').success).toBe(false);
    expect(n.safeParse(undefined).success).toBe(false);
    expect(n.safeParse('12 吨').success).toBe(false);
    expect(integer({ title: '名额' }).safeParse('3.5').success).toBe(false);
  });

  it.each([
    ['1,234', 1234],
    ['1,234,567.5', 1234567.5],
    ['-1,234', -1234],
    ['1，234', 1234],
    ['-0.5', -0.5],
  ])('reads the grouped number %s as %s', (cell, value) => {
    expect(decimal({ title: '数值' }).parse(cell)).toBe(value);
  });

  it.each(['0,9', '12,5', '1,2345', '0,900', '1,23,456'])('refuses %s instead of guessing where its comma goes', (cell) => {
    const result = decimal({ title: '数值' }).safeParse(cell);
    expect(result.success).toBe(false);
  });

  it('a decimal comma is said so, in a whole-number column too', () => {
    for (const schema of [decimal({ title: '数值' }), integer({ title: '名额' })]) {
      const issue = schema.safeParse('0,9').error!.issues[0]!;
      expect(issueMessage(issue, '0,9')).toBe('小数点写成了逗号，实际填写的是“0,9”');
      expect(issueHint(issue, '0,9', { title: '数值' })).toContain('英文句点');
    }
  });

  it('a fraction where a whole number belongs is said so', () => {
    const result = integer({ title: '名额' }).safeParse('3.5');
    const issue = result.error!.issues[0]!;
    expect(issueMessage(issue, '3.5')).toBe('应为整数，实际填写的是“3.5”');
    expect(issueHint(issue, '3.5', { title: '名额' })).toBe('只填整数，不带小数点，例如 3');
  });
});
