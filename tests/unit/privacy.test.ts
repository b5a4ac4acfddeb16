import { describe, expect, it } from 'vitest';
import { findPrivateNumbers, isIdCardNumber } from '../../src/lib/privacy.ts';

describe('private numbers', () => {
  it('finds a mobile number and hides its middle', () => {
    expect(findPrivateNumbers('联系人王师傅，电话13912345678。')).toEqual([{ kind: 'mobile', index: 9, masked: '139****5678' }]);
  });

  it('finds an ID-card number whose checksum holds, and hides its middle', () => {
    expect(isIdCardNumber('11010519491231002X')).toBe(true);
    expect(isIdCardNumber('110105194912310021')).toBe(false);
    expect(findPrivateNumbers('身份证：11010519491231002X')).toEqual([{ kind: 'id-card', index: 4, masked: '110105********002X' }]);
  });

  it('leaves alone what is public or not a number of a person', () => {
    for (const text of [
      '办公电话 0391-3568888，邮箱 jzghscb@126.com',
      '年节约标准煤 13250 吨，产值 1234567890123 元',
      '焦工文〔2019〕27号',
      '110105194912310021', // checksum fails: an 18-digit figure, not an ID card
      'https://example.org/a/13912345678x',
    ]) {
      expect(findPrivateNumbers(text), text).toEqual([]);
    }
  });
});
