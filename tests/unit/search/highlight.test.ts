import { describe, expect, it } from 'vitest';
import { excerpt, findMatches, highlight } from '../../../src/search/shared/highlight.ts';
import { rank } from '../../../src/search/shared/rank.ts';

const chars = (s: string) => [...s];

describe('highlighting', () => {
  it('marks every occurrence of every term and nothing else', () => {
    expect(highlight('节能减排，节约能源', [chars('节能'), chars('能源')])).toEqual([
      { text: '节能', mark: true },
      { text: '减排，节约', mark: false },
      { text: '能源', mark: true },
    ]);
  });

  it('is case-insensitive but marks the original characters', () => {
    expect(highlight('Email JZ@126', [chars('jz')])).toEqual([
      { text: 'Email ', mark: false },
      { text: 'JZ', mark: true },
      { text: '@126', mark: false },
    ]);
  });

  it('merges overlapping matches', () => {
    expect(findMatches(chars('节节节'), [chars('节节')])).toEqual([[0, 3]]);
  });

  it('cuts an excerpt around the first match without splitting a match', () => {
    const text = `${'前'.repeat(100)}节能减排${'后'.repeat(100)}`;
    const e = excerpt(text, [chars('节能减排')], 40);
    expect(e.before && e.after).toBe(true);
    const marked = e.segments.filter((s) => s.mark).map((s) => s.text);
    expect(marked).toEqual(['节能减排']);
    expect(e.segments.map((s) => s.text).join('').length).toBe(40);
  });

  it('starts at the beginning when the match is only in the title', () => {
    const e = excerpt('正文没有这个词', [chars('标题')], 80);
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
