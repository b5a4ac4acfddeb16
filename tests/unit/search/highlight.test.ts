import { describe, expect, it } from 'vitest';
import { excerpt, findMatches, highlight } from '../../../src/search/shared/highlight.ts';
import { rank } from '../../../src/search/shared/rank.ts';
import { foldText } from '../../../src/search/shared/ngrams.ts';
import { parseQuery } from '../../../src/search/shared/query.ts';
import { t2sTable } from '../../../src/search/build/t2s.ts';

const chars = (s: string) => [...s];
const marked = (text: string, q: string) =>
  highlight(foldText(text, t2sTable()), parseQuery(q, t2sTable()).terms)
    .filter((s) => s.mark)
    .map((s) => s.text);

describe('highlighting', () => {
  it('marks every occurrence of every term and nothing else', () => {
    expect(highlight(foldText('节能减排，节约能源'), [chars('节能'), chars('能源')])).toEqual([
      { text: '节能', mark: true },
      { text: '减排，节约', mark: false },
      { text: '能源', mark: true },
    ]);
  });

  it('is case-insensitive but marks the original characters', () => {
    expect(highlight(foldText('Email JZ@126'), [chars('jz')])).toEqual([
      { text: 'Email ', mark: false },
      { text: 'JZ', mark: true },
      { text: '@126', mark: false },
    ]);
  });

  it('marks the page’s own characters whatever form the reader typed', () => {
    expect(marked('蒙牛乳业（焦作）有限公司', '蒙牛乳业(焦作)')).toEqual(['蒙牛乳业（焦作）']);
    expect(marked('共有80家企业', '８０家')).toEqual(['80家']);
    expect(marked('邮箱 JZGHSCB@126.com', 'ｊｚｇｈｓｃｂ')).toEqual(['JZGHSCB']);
    expect(marked('焦工文〔2019〕27号', '焦工文[2019]27号')).toEqual(['焦工文〔2019〕27号']);
    expect(marked('焦工文〔2019〕27号', '焦工文（2019）27号')).toEqual(['焦工文〔2019〕27号']);
    expect(marked('开展节能减排', '節能減排')).toEqual(['节能减排']);
    expect(marked('開展節能減排', '节能')).toEqual(['節能']);
    // One character that folds to several: a match on part of it marks all of it.
    expect(marked('第①条', '1')).toEqual(['①']);
    expect(marked('（一）和㈠', '(一)')).toEqual(['（一）', '㈠']);
  });

  it('merges overlapping matches', () => {
    expect(findMatches(chars('节节节'), [chars('节节')])).toEqual([[0, 3]]);
  });

  it('cuts an excerpt around the first match without splitting a match', () => {
    const text = `${'前'.repeat(100)}节能减排${'后'.repeat(100)}`;
    const e = excerpt(foldText(text), [chars('节能减排')], 40);
    expect(e.before && e.after).toBe(true);
    const marked = e.segments.filter((s) => s.mark).map((s) => s.text);
    expect(marked).toEqual(['节能减排']);
    expect(e.segments.map((s) => s.text).join('').length).toBe(40);
  });

  it('starts at the beginning when the match is only in the title', () => {
    const e = excerpt(foldText('正文没有这个词'), [chars('标题')], 80);
    expect(e).toEqual({ segments: [{ text: '正文没有这个词', mark: false }], before: false, after: false });
  });
});

describe('ranking', () => {
  it('puts title matches first, then by score, then in index order', () => {
    const ranked = rank([
      { id: 'a', titleTerms: 0, score: 9, order: 0 },
      { id: 'b', titleTerms: 1, score: 1, order: 1 },
      { id: 'c', titleTerms: 0, score: 9, order: 2 },
      { id: 'd', titleTerms: 1, score: 2, order: 3 },
    ]);
    expect(ranked.map((r) => r.id)).toEqual(['d', 'b', 'a', 'c']);
  });
});
