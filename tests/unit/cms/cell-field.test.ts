import { describe, expect, it } from 'vitest';
import { checkCell } from '../../../src/cms/browser/cell-field.ts';

describe('a number cell in the CMS says what the build would say, keeping what was typed', () => {
  it('refuses words, full-width digits and fractions in a whole-number column, naming the rule and the fix', () => {
    expect(checkCell('zones', 'quota', '四家')).toEqual({ ok: false, message: '应为数字，实际填写的是“四家”。改法：只填阿拉伯数字，不带单位、汉字或空格，例如 3 或 12.5' });
    // Full-width digits from a Chinese input method: the loader does not read them as a number.
    expect(checkCell('zones', 'quota', '１０')).toMatchObject({ ok: false, message: expect.stringContaining('实际填写的是“１０”') });
    expect(checkCell('zones', 'quota', '4.5')).toMatchObject({ ok: false, message: expect.stringMatching(/^应为整数，实际填写的是“4\.5”。改法：只填整数/) });
    expect(checkCell('zones', 'quota', '-1')).toMatchObject({ ok: false, message: expect.stringContaining('不能小于 0') });
  });

  it('reads what the loader reads: Excel’s thousands separators, surrounding spaces', () => {
    expect(checkCell('zones', 'quota', '1,234')).toEqual({ ok: true, read: 1234 });
    expect(checkCell('zones', 'quota', ' 4 ')).toEqual({ ok: true, read: 4 });
    expect(checkCell('energy', 'value', '0,9')).toMatchObject({ ok: false, message: expect.stringContaining('小数点写成了逗号') });
  });
});
