import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeMarkup } from '../../../src/input/markup-text.ts';
import { findPrivateNumbers, findPrivateNumbersInMarkup, isCreditCode, isIdCardNumber, isLuhn } from '../../../src/input/privacy.ts';

/** Text, kind, masked, and the part of the text the finding must cover. */
const DETECTED: [string, string, string, string][] = [
  ['联系人王师傅，电话13912345678。', 'mobile', '139****5678', '13912345678'],
  ['电话 138 0013 8000', 'mobile', '138****8000', '138 0013 8000'],
  ['电话：138-0013-8000', 'mobile', '138****8000', '138-0013-8000'],
  ['138 - 0013 - 8000', 'mobile', '138****8000', '138 - 0013 - 8000'],
  ['手机+86 138 0013 8000', 'mobile', '138****8000', '+86 138 0013 8000'],
  ['手机+8613800138000', 'mobile', '138****8000', '+8613800138000'],
  ['86-13800138000', 'mobile', '138****8000', '86-13800138000'],
  ['(+86)13800138000', 'mobile', '138****8000', '(+86)13800138000'],
  ['（＋８６）１３８００１３８０００', 'mobile', '138****8000', '（＋８６）１３８００１３８０００'],
  ['电话１３８００１３８０００', 'mobile', '138****8000', '１３８００１３８０００'],
  ['电话１３８　００１３　８０００', 'mobile', '138****8000', '１３８　００１３　８０００'],
  ['电话１３８－００１３－８０００', 'mobile', '138****8000', '１３８－００１３－８０００'],
  ['0086 19912345678', 'mobile', '199****5678', '0086 19912345678'],
  ['身份证：11010519491231002X', 'id-card', '110105********002X', '11010519491231002X'],
  ['身份证 410802199003071239', 'id-card', '410802********1239', '410802199003071239'],
  ['身份证 410802 19900307 1239', 'id-card', '410802********1239', '410802 19900307 1239'],
  ['身份证 410802-1990-0307-1239', 'id-card', '410802********1239', '410802-1990-0307-1239'],
  ['身份证 110105 19491231 002x', 'id-card', '110105********002X', '110105 19491231 002x'],
  ['身份证４１０８０２１９８５０６１２００１８', 'id-card', '410802********0018', '４１０８０２１９８５０６１２００１８'],
  ['卡号 6222021234567894', 'bank-card', '6222********7894', '6222021234567894'],
  ['卡号 6222 0212 3456 7894', 'bank-card', '6222********7894', '6222 0212 3456 7894'],
  ['卡号 6222-0212-3456-7894', 'bank-card', '6222********7894', '6222-0212-3456-7894'],
  ['卡号 6228 4800 1234 5678 903', 'bank-card', '6228***********8903', '6228 4800 1234 5678 903'],
  ['卡号 6228480012345678903', 'bank-card', '6228***********8903', '6228480012345678903'],
  ['卡号 621700123456789011', 'bank-card', '6217**********9011', '621700123456789011'],
  ['Visa 4111 1111 1111 1111', 'bank-card', '4111********1111', '4111 1111 1111 1111'],
  ['5522552255225524', 'bank-card', '5522********5524', '5522552255225524'],
  ['卡号６２２２０２１２３４５６７８９４', 'bank-card', '6222********7894', '６２２２０２１２３４５６７８９４'],
];

/** Public figures and codes that look like numbers of a person, and must not be reported. */
const NOT_DETECTED: string[] = [
  '2019',
  '2019年度',
  '2019-04-30',
  '20190430',
  '2019年4月30日',
  '13250.5 万千瓦时',
  '年节约标准煤 13250 吨，产值 1234567890123 元',
  '1,234,567',
  '13,800,138,000 元',
  '焦工文〔2019〕27号',
  '焦工〔2019〕138号',
  '办公电话 0391-3568888，邮箱 jzghscb@126.com',
  '0391-3567890',
  '0391 356 7890',
  '(0391)3567890',
  '400-013-8000',
  '豫ICP备12345678号-1',
  '豫公网安备41080202000123号',
  '邮编 454000',
  '统一社会信用代码 91410800MA3X123456',
  '统一社会信用代码 91410800MA3X123457',
  '524108001003484365', // a valid social credit code that also passes the Luhn test
  '增长 13.5%，下降 12.38%',
  '110105194912310021', // checksum fails: an 18-digit figure, not an ID card
  '410802 19900307 1230',
  '6222021234567890', // Luhn fails
  '6222 0212 3456 7890',
  '1234567812345670', // passes Luhn, but no card issuer starts with 1
  '8888888888888888888',
  '12800138000', // no mobile starts with 12
  '1380013800', // ten digits
  '138001380001', // twelve digits
  'https://example.org/a/13912345678x',
  'ID a13800138000',
];

describe('private numbers', () => {
  it.each(DETECTED)('finds %s', (text, kind, masked, written) => {
    expect(findPrivateNumbers(text)).toEqual([{ kind, index: text.indexOf(written), length: written.length, masked }]);
  });

  it.each(NOT_DETECTED)('leaves alone %s', (text) => {
    expect(findPrivateNumbers(text)).toEqual([]);
  });

  it('finds several numbers in one text, each where it is written', () => {
    const text = '王五，电话 138 0013 8000，身份证 11010519491231002X，工资卡 6222 0212 3456 7894。';
    expect(findPrivateNumbers(text).map((n) => [n.kind, text.slice(n.index, n.index + n.length)])).toEqual([
      ['mobile', '138 0013 8000'],
      ['id-card', '11010519491231002X'],
      ['bank-card', '6222 0212 3456 7894'],
    ]);
  });

  it('checks the checksums', () => {
    expect(isIdCardNumber('11010519491231002X')).toBe(true);
    expect(isIdCardNumber('110105194912310021')).toBe(false);
    expect(isLuhn('6222021234567894')).toBe(true);
    expect(isLuhn('6222021234567890')).toBe(false);
    expect(isCreditCode('91410800MA3X123457')).toBe(true);
    expect(isCreditCode('91410800MA3X123456')).toBe(false);
  });
});

describe('numbers behind character references and escapes', () => {
  it.each([
    ['电话&#49;3800138000', '&#49;3800138000'],
    ['电话&#x31;&#x33;800138000', '&#x31;&#x33;800138000'],
    ['电话&#65297;3800138000', '&#65297;3800138000'],
    ['电话 138&nbsp;0013&nbsp;8000', '138&nbsp;0013&nbsp;8000'],
    ['电话 138\\-0013\\-8000', '138\\-0013\\-8000'],
    ['电话 \\+86 13800138000', '\\+86 13800138000'],
    ['电话 \\1\\3\\8\\0\\0\\1\\3\\8\\0\\0\\0', '\\1\\3\\8\\0\\0\\1\\3\\8\\0\\0\\0'],
  ])('finds %s in the source', (text, written) => {
    expect(findPrivateNumbersInMarkup(text)).toEqual([{ kind: 'mobile', index: text.indexOf(written), length: written.length, masked: '138****8000' }]);
  });

  it('maps each decoded character back to the source', () => {
    const { text, at } = decodeMarkup('a&amp;b\\*c&#x4E2D;');
    expect(text).toBe('a&b*c中');
    expect(at).toEqual([0, 1, 6, 7, 9, 10, 18]);
  });

  it('leaves text without references as it is', () => {
    expect(decodeMarkup('R&D 部门 \\n 1 & 2').text).toBe('R&D 部门 \\n 1 & 2');
  });
});

describe('the real and demo content', () => {
  const ROOT = path.resolve(import.meta.dirname, '../../..');
  const DIRS = ['content', 'data', 'examples/demo/content', 'examples/demo/data', 'tests/fixtures/good'];
  const files = DIRS.flatMap((dir) =>
    fs
      .readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(md|mdx|csv|json|txt|ya?ml)$/.test(f))
      .map((f) => `${dir}/${f}`),
  );

  it('has text files to look at', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('holds no number that looks private', () => {
    const found = files.flatMap((file) =>
      fs
        .readFileSync(path.join(ROOT, file), 'utf8')
        .split(/\r?\n/)
        .flatMap((line, i) => findPrivateNumbersInMarkup(line).map((n) => `${file}:${i + 1} ${n.kind} ${n.masked}`)),
    );
    expect(found).toEqual([]);
  });
});
