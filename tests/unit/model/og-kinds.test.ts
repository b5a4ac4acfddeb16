import { describe, expect, it } from 'vitest';
import { OG_KINDS, ogImagePath, ogKindOf } from '../../../src/model/og-kinds.ts';

describe('ogKindOf', () => {
  it('tells each section apart, every page of it included', () => {
    expect(ogKindOf('/notices/jiaogongwen-2019-27/').key).toBe('notice');
    expect(ogKindOf('/quota/').key).toBe('quota');
    expect(ogKindOf('/results/').key).toBe('results');
    expect(ogKindOf('/enterprises/zhonglv-zhongzhou/').key).toBe('enterprises');
    expect(ogKindOf('/leaderboard/2023/').key).toBe('leaderboard');
    expect(ogKindOf('/news/page/2/').key).toBe('news');
    expect(ogKindOf('/stories/a/').key).toBe('stories');
    expect(ogKindOf('/workers/li-xiulan/').key).toBe('workers');
    expect(ogKindOf('/data/').key).toBe('data');
  });

  it('shows any other page as the home page', () => {
    expect(ogKindOf('/').key).toBe('home');
    expect(ogKindOf('/search/').key).toBe('home');
  });

  it('gives every kind and size a file of its own', () => {
    const paths = OG_KINDS.flatMap((k) => [ogImagePath(k, { width: 1200, height: 630 }), ogImagePath(k, { width: 500, height: 500 })]);
    expect(new Set(paths).size).toBe(paths.length);
  });
});
