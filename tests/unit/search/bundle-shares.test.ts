import { describe, expect, it } from 'vitest';
import { bundleShares } from '../../../src/search/build/indexer.ts';

const doc = (url: string) => ({ record: { url } });
const urls = (shares: { record: { url: string } }[][]) => shares.map((share) => share.map((d) => d.record.url));

describe('which pages each index bundle holds', () => {
  // In file order, as the indexer finds them.
  const site = ['/', '/enterprises/a/', '/enterprises/b/', '/enterprises/c/', '/news/', '/news/n1/', '/news/n2/', '/notices/x/', '/quota/', '/stories/s1/', '/workers/w1/'].map(doc);

  it('keeps a site smaller than splitFrom in file order, cut into shares of partPages', () => {
    expect(urls(bundleShares(site, 100, site.length + 1))).toEqual([site.map((d) => d.record.url)]);
    expect(urls(bundleShares(site, 6, site.length + 1))).toEqual([site.slice(0, 6), site.slice(6)].map((share) => share.map((d) => d.record.url)));
    // The default: a thousand pages.
    expect(bundleShares(site, 100)).toHaveLength(1);
  });

  it("keeps the editors' articles apart from the pages made from the tables, each in file order", () => {
    expect(urls(bundleShares(site, 100, 1))).toEqual([
      ['/', '/enterprises/a/', '/enterprises/b/', '/enterprises/c/', '/quota/'],
      ['/news/', '/news/n1/', '/news/n2/', '/notices/x/', '/stories/s1/', '/workers/w1/'],
    ]);
  });

  it('cuts each kind into consecutive shares of at most partPages, so an added article moves only the pages after it', () => {
    const shares = urls(bundleShares(site, 4, 1));
    expect(shares).toEqual([
      ['/', '/enterprises/a/', '/enterprises/b/', '/enterprises/c/'],
      ['/quota/'],
      ['/news/', '/news/n1/', '/news/n2/', '/notices/x/'],
      ['/stories/s1/', '/workers/w1/'],
    ]);
    // Every page in exactly one bundle.
    expect(shares.flat().sort()).toEqual(site.map((d) => d.record.url).sort());
  });

  it('gives a site of one kind only its own bundles, and a site without a searchable page one empty bundle', () => {
    expect(urls(bundleShares([doc('/news/n1/'), doc('/news/n2/')], 1, 1))).toEqual([['/news/n1/'], ['/news/n2/']]);
    expect(urls(bundleShares([doc('/quota/')], 10, 1))).toEqual([['/quota/']]);
    expect(bundleShares([], 10, 1)).toEqual([[]]);
  });

  it('takes a section by its whole name: /newsletter/ is no news article', () => {
    expect(urls(bundleShares([doc('/newsletter/'), doc('/news/n1/')], 10, 1))).toEqual([['/newsletter/'], ['/news/n1/']]);
  });
});
