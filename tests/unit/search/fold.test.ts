import { describe, expect, it } from 'vitest';
import { comparable, decodeT2sKeys, encodeT2sKeys, foldGrapheme, formatT2s, needsT2s, parseOpenccTable } from '../../../src/search/shared/fold.ts';
import { parseQuery } from '../../../src/search/shared/query.ts';
import { t2sTable } from '../../../src/search/build/t2s.ts';

const t2s = t2sTable();
const same = (a: string, b: string) => expect(comparable(a, t2s), `${a} / ${b}`).toBe(comparable(b, t2s));

describe('folding', () => {
  it('folds full-width and half-width letters, digits, punctuation and spaces (NFKC), and case', () => {
    const pairs: [string, string][] = [
      ['ＪＺＧＨＳＣＢ', 'jzghscb'],
      ['ｊｚｇｈｓｃｂ', 'JZGHSCB'],
      ['８０家', '80家'],
      ['蒙牛乳业（焦作）', '蒙牛乳业(焦作)'],
      ['：；，！？％＆＠＃＋－＝／', ':;,!?%&@#+-=/'],
      ['ｶﾀｶﾅ', 'カタカナ'],
      ['ａ　ｂ', 'a b'],
      ['＂引号＂', '"引号"'],
    ];
    for (const [a, b] of pairs) {
      same(a, b);
      same(b, a);
    }
  });

  it('treats the brackets of document numbers as one another', () => {
    const forms = ['焦工文〔2019〕27号', '焦工文[2019]27号', '焦工文【2019】27号', '焦工文（2019）27号', '焦工文(2019)27号', '焦工文〈2019〉27号', '焦工文［2019］27号', '焦工文﹝2019﹞27号'];
    for (const a of forms) for (const b of forms) same(a, b);
    expect(comparable('〔〕')).toBe('()');
  });

  it('folds traditional characters to simplified, and leaves simplified ones alone', () => {
    const pairs: [string, string][] = [
      ['節能減排', '节能减排'],
      ['勞動競賽', '劳动竞赛'],
      ['焦作市總工會', '焦作市总工会'],
      ['環境保護', '环境保护'],
    ];
    for (const [a, b] of pairs) {
      same(a, b);
      expect(comparable(b, t2s)).toBe(b);
    }
  });

  it('keeps forms it does not fold apart', () => {
    expect(comparable('《》', t2s)).not.toBe(comparable('<>', t2s));
    expect(comparable('。', t2s)).not.toBe(comparable('.', t2s));
    expect(comparable('“', t2s)).not.toBe(comparable('"', t2s));
    expect(comparable('节能', t2s)).not.toBe(comparable('节约', t2s));
  });

  it('says what it folded', () => {
    expect(foldGrapheme('Ａ')).toMatchObject({ pieces: ['a'], width: true });
    expect(foldGrapheme('〔')).toMatchObject({ pieces: ['('], bracket: true });
    expect(foldGrapheme('節', t2s)).toMatchObject({ pieces: ['节'], traditional: true });
    expect(foldGrapheme('节', t2s)).toMatchObject({ pieces: ['节'], width: false, bracket: false, traditional: false });
    expect(foldGrapheme('㈠')).toMatchObject({ pieces: ['(', '一', ')'], width: true });
    expect(parseQuery('節能', t2s).folded).toEqual({ width: false, bracket: false, traditional: true });
    expect(parseQuery('８０家', t2s).folded).toEqual({ width: true, bracket: false, traditional: false });
    expect(parseQuery('８０家', t2s).display).toEqual(['８０家']);
    expect(parseQuery('８０家', t2s).terms).toEqual([['8', '0', '家']]);
  });

  it('is the same however the table reaches the browser', () => {
    expect(parseOpenccTable(formatT2s(t2s))).toEqual(t2s);
    const keys = decodeT2sKeys(JSON.parse(JSON.stringify(encodeT2sKeys(t2s))));
    for (const k of t2s.keys()) expect(keys.has(k)).toBe(true);
    expect(needsT2s('节能减排', keys)).toBe(false);
    expect(needsT2s('节能減排', keys)).toBe(true);
  });

  it('is idempotent', () => {
    const text = '焦工文〔2019〕27号 節能減排 ＪＺ８０ ①㈠';
    expect(comparable(comparable(text, t2s), t2s)).toBe(comparable(text, t2s));
  });
});
